import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseWire } from '../../core/http/http-client';
import { readJsonSample, sampleFiles } from '../openstack/test-support/samples';
import { createRequestBody } from './create-backup';
import { chooseMicroversion, versionDocumentUrl } from './microversion';
import { toDomainBackup } from './normalise';
import { createOptionsSchema } from './options';
import {
  actionRequestSchema,
  backupDetailListSchema,
  backupRefSchema,
  backupShowSchema,
  backupSummaryListSchema,
  createRequestSchema,
  exportRecordSchema,
  restoreRequestSchema,
  restoreResponseSchema,
  updateRequestSchema,
  versionsSchema,
} from './wire-schemas';

/** Which schema reads which sample, by file name; a sample no rule covers fails the test. */
const rules: Array<[RegExp, z.ZodType]> = [
  [/versions?-(show-)?response\.json$/, versionsSchema],
  [/backups-list-detailed-response\.json$/, backupDetailListSchema],
  [/backups-list-response\.json$/, backupSummaryListSchema],
  [/backup-show-response\.json$/, backupShowSchema],
  [/backup-(create|update|record-import)-response\.json$/, backupRefSchema],
  [/backup-restore-response\.json$/, restoreResponseSchema],
  [/backup-record-export-response\.json$/, exportRecordSchema],
  [/backup-record-import-request\.json$/, exportRecordSchema],
  [/backup-create-request\.json$/, createRequestSchema],
  [/backup-update-request\.json$/, updateRequestSchema],
  [/backup-restore-request\.json$/, restoreRequestSchema],
  [/backup-(force-delete|reset-status)-request\.json$/, actionRequestSchema],
];

const files = sampleFiles('cinder');

describe('Cinder reference samples', () => {
  it('covers v2, v3 and every microversion folder', () => {
    expect(files.some((f) => f.startsWith('v2/'))).toBe(true);
    for (const mv of ['v3.9', 'v3.18', 'v3.43', 'v3.45', 'v3.56']) expect(files.some((f) => f.includes(`/${mv}/`))).toBe(true);
  });

  it.each(files)('parses %s', (file) => {
    const rule = rules.find(([pattern]) => pattern.test(file));
    expect(rule, `no schema rule for ${file}`).toBeDefined();
    expect(() => parseWire(rule![1], readJsonSample('cinder', file), file)).not.toThrow();
  });

  it.each(files.filter((f) => /backup-show-response|backups-list-detailed/.test(f)))('maps %s to a domain backup', (file) => {
    const sample = readJsonSample('cinder', file);
    const wire = /list/.test(file) ? parseWire(backupDetailListSchema, sample, file).backups[0]! : parseWire(backupShowSchema, sample, file).backup;
    const backup = toDomainBackup(wire, 'ep');
    expect(backup.sizeBytes).toBe(wire.size! * 2 ** 30);
    expect(backup.sizeReported).toBe(`${wire.size} GiB`);
    expect(backup.source).toBe(wire.volume_id);
    expect(backup.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(backup.createdAt!.slice(0, 19)).toBe(wire.created_at!.slice(0, 19));
    const expected = { is_incremental: wire.is_incremental, has_dependent_backups: false, updated_at: wire.updated_at, description: wire.description, object_count: wire.object_count };
    expect(backup.details).toMatchObject(Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined)));
    expect(backup.details).not.toHaveProperty('links');
    if (file.includes('v3.43') || file.includes('v3.56')) expect(backup.details.metadata).toBe('{}');
    if (file.includes('v3.56')) expect(backup.details.user_id).toBe('c853ca26-e8ea-4797-8a52-ee124a013d0e');
  });

  it('negotiates from the v3 version documents and refuses the v2 template', () => {
    expect(chooseMicroversion(parseWire(versionsSchema, readJsonSample('cinder', 'v3/versions/versions-response.json'), 'v'))).toEqual({ version: '3.71', serverMin: '3.0', serverMax: '3.71' });
    expect(chooseMicroversion({ versions: [{ id: 'v3.0', version: '3.40', min_version: '3.0' }] }).version).toBe('3.40');
    expect(chooseMicroversion({ versions: [{ id: 'v3.0', version: '3.80', min_version: '3.0' }] }).version).toBe('3.71');
    expect(() => chooseMicroversion(parseWire(versionsSchema, readJsonSample('cinder', 'v2/versions-response.json'), 'v'))).toThrow(/does not offer the v3 API/);
  });

  it('finds the version document beside the catalog URL', () => {
    expect(versionDocumentUrl('http://h/volume/v3/89afd400')).toBe('http://h/volume/v3/');
    expect(versionDocumentUrl('http://h:8776/v3/89afd400/')).toBe('http://h:8776/v3/');
    expect(versionDocumentUrl('http://h:8776/v3')).toBe('http://h:8776/v3/');
    expect(versionDocumentUrl('http://h:8776/')).toBe('http://h:8776/');
  });

  it('builds the create body of the sample, and drops what the microversion does not accept', () => {
    const options = createOptionsSchema.parse({ volume_id: '0aa67a0c-7339-4be6-b5d5-2afe21ca270c', name: 'backup001', description: 'Test backup' });
    const body = createRequestBody(options, { version: '3.0' });
    const sample = readJsonSample('cinder', 'v3/backups/backup-create-request.json') as { backup: Record<string, unknown> };
    const withoutNulls = Object.fromEntries(Object.entries(sample.backup).filter(([, v]) => v !== null));
    expect(body).toEqual({ backup: withoutNulls });
    expect(createRequestSchema.safeParse(body).success).toBe(true);
    const withMeta = createOptionsSchema.parse({ volume_id: 'v', metadata: { team: 'db' } });
    expect(createRequestBody(withMeta, { version: '3.43' }).backup.metadata).toEqual({ team: 'db' });
    expect(() => createRequestBody(withMeta, { version: '3.42' })).toThrow(expect.objectContaining({ code: 'validation', message: expect.stringMatching(/API 3\.42.*metadata.*3\.43/) }));
    const withZone = createOptionsSchema.parse({ volume_id: 'v', availability_zone: 'nova' });
    expect(() => createRequestBody(withZone, { version: '3.50' })).toThrow(/availability zone/);
    expect(createRequestBody(withZone, { version: '3.51' }).backup.availability_zone).toBe('nova');
  });
});
