import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseWire } from '../../core/http/http-client';
import { readJsonSample, sampleFiles } from '../openstack/test-support/samples';
import { backupCreateRequestSchema, instanceCreateRequestSchema } from './request-schemas';
import { backupEnvelopeSchema, backupListSchema, instanceEnvelopeSchema, versionsSchema } from './wire-schemas';

/** Every saved Trove sample and the schema it must pass; a new sample file fails the test until it is listed. */
const schemaFor: Record<string, z.ZodType | { unused: string }> = {
  'backup-create-request.json': backupCreateRequestSchema,
  'backup-create-response.json': backupEnvelopeSchema,
  'backup-get-response.json': backupEnvelopeSchema,
  'backup-list-response.json': backupListSchema,
  'instance-backup-list-response.json': backupListSchema,
  'instance-create-request.json': instanceCreateRequestSchema,
  'instance-create-response.json': instanceEnvelopeSchema,
  'versions-response.json': versionsSchema,
  'backup-strategy-create-request.json': { unused: 'backup strategies are not offered (the create option swift_container covers the container choice)' },
  'backup-strategy-create-response.json': { unused: 'backup strategies are not offered' },
  'backup-strategy-list-response.json': { unused: 'backup strategies are not offered' },
};

describe('Trove wire schemas against the saved samples', () => {
  it('knows every sample file', () => {
    expect(sampleFiles('trove')).toEqual(Object.keys(schemaFor).sort());
  });

  for (const [file, schema] of Object.entries(schemaFor)) {
    if ('unused' in schema) continue;
    it(`parses ${file}`, () => {
      expect(() => parseWire(schema, readJsonSample('trove', file), file)).not.toThrow();
    });
  }

  it('keeps the fields a newer server adds (the api-ref samples carry storage_driver)', () => {
    const { backup } = parseWire(backupEnvelopeSchema, readJsonSample('trove', 'backup-get-response.json'), 'u');
    expect(backup).toMatchObject({ size: 0.14, status: 'COMPLETED', storage_driver: 'cinder' });
  });

  it('accepts what the real view emits beyond the samples: project_id, null datastore fields, no links', () => {
    const wire = {
      backups: [
        { id: 'b1', name: null, description: null, locationRef: null, instance_id: null, created: '2024-01-01T00:00:00', updated: '2024-01-01T00:00:00', size: null, status: 'NEW', parent_id: null, project_id: 'p1' },
      ],
    };
    expect(parseWire(backupListSchema, wire, 'u').backups[0].project_id).toBe('p1');
  });

  it('names the field when a backup lacks its status', () => {
    const { backups } = readJsonSample('trove', 'backup-list-response.json') as { backups: Record<string, unknown>[] };
    const { status: _dropped, ...withoutStatus } = backups[0];
    expect(() => parseWire(backupListSchema, { backups: [withoutStatus] }, 'http://x/backups')).toThrow(/backups\.0\.status/);
  });

  it('refuses a boolean incremental in a create body: Trove wants the integer 0/1', () => {
    const body = { backup: { name: 'n', instance: '44b277eb-39be-4921-be31-3d61b43651d7', incremental: true } };
    expect(backupCreateRequestSchema.safeParse(body).success).toBe(false);
    expect(backupCreateRequestSchema.safeParse({ backup: { ...body.backup, incremental: 1 } }).success).toBe(true);
  });
});
