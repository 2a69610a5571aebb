import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseWire } from '../../core/http/http-client';
import { readSample, sampleFiles } from '../openstack/test-support/samples';
import { restoreEnded } from './follow-restore';
import { toDomainBackup } from './normalise';
import {
  backupListSchema,
  backupSchema,
  backupStatuses,
  deviceInfoSchema,
  loginRequestSchema,
  refreshRequestSchema,
  restoreStates,
  restoreStatusSchema,
  tokenResponseSchema,
} from './wire-schemas';

type Schema = { properties?: Record<string, Schema>; enum?: string[]; items?: Schema; $ref?: string; oneOf?: Schema[] };
type OpenApi = { components: { schemas: Record<string, Schema> }; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>> };

const yamlOf = (file: string) => parse(readSample('riverbed', file)) as OpenApi;
const npmBackup = yamlOf('openapi-npm_backup_1_0.yaml');
const mgmtAaa = yamlOf('openapi-mgmt_aaa_2_0.yaml');
const common = yamlOf('openapi-common_1_0.yaml');

const keys = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape).sort();
const propertyNames = (schema: Schema) => Object.keys(schema.properties ?? {}).sort();

/** The README's Python dict printout as JSON: single-quoted strings become double-quoted. */
function pythonDict(text: string): unknown {
  return JSON.parse(text.trim().replace(/'/g, '"').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false').replace(/\bNone\b/g, 'null'));
}

describe('Riverbed reference samples', () => {
  it('has the files this test reads', () => {
    expect(sampleFiles('riverbed')).toEqual(['openapi-common_1_0.yaml', 'openapi-mgmt_aaa_2_0.yaml', 'openapi-npm_backup_1_0.yaml', 'restore_status-README-output.txt']);
  });

  it('names the backup, backups and restore_status fields exactly as the npm.backup 1.0 OpenAPI does', () => {
    const { backup, backups, restore_status } = npmBackup.components.schemas;
    expect(keys(backupSchema)).toEqual(propertyNames(backup!));
    expect(keys(backupListSchema)).toEqual(propertyNames(backups!));
    expect(keys(restoreStatusSchema)).toEqual(propertyNames(restore_status!));
    expect([...backupStatuses].sort()).toEqual([...backup!.properties!.status!.enum!].sort());
    expect([...restoreStates].sort()).toEqual([...restore_status!.properties!.status!.enum!].sort());
  });

  it('uses the paths the OpenAPI lists', () => {
    const paths = Object.keys(npmBackup.paths).sort();
    expect(paths).toEqual([
      '/npm.backup/1.0/backups',
      '/npm.backup/1.0/backups/items/{id}',
      '/npm.backup/1.0/backups/items/{id}/file',
      '/npm.backup/1.0/backups/items/{id}/restore',
      '/npm.backup/1.0/backups/reset_factory',
      '/npm.backup/1.0/backups/upload',
      '/npm.backup/1.0/restore_status',
    ]);
    expect(Object.keys(npmBackup.paths['/npm.backup/1.0/backups/items/{id}']!).sort()).toEqual(['delete', 'get']);
  });

  it('parses the restore_status printed by riverbed_portal_utilities, and takes it as an ended restore', () => {
    const status = parseWire(restoreStatusSchema, pythonDict(readSample('riverbed', 'restore_status-README-output.txt')), 'README');
    expect(status).toEqual({ last_restore_time: 1602540247, status: 'completed', status_message: '' });
    expect(restoreEnded(status, 0)).toBe(true);
    expect(restoreEnded(status, 1602540247)).toBe(false);
  });

  it('builds token requests and reads token answers with the mgmt.aaa 2.0 names', () => {
    const token = mgmtAaa.paths['/mgmt.aaa/2.0/token']!.post!;
    const request = token.requestBody!.content['application/json']!.schema;
    const requestNames = propertyNames(request);
    expect(requestNames).toEqual(['generate_refresh_token', 'refresh_token', 'state', 'user_credentials']);
    for (const name of [...keys(loginRequestSchema), ...keys(refreshRequestSchema)]) expect(requestNames).toContain(name);
    expect(keys(loginRequestSchema.shape.user_credentials)).toEqual(propertyNames(mgmtAaa.components.schemas.user_credentials_assertion!));
    const response = token.responses['200']!.content!['application/json']!.schema;
    // `expires_in` is not in the OpenAPI: the Riverbed KB shows it in refresh answers.
    expect(keys(tokenResponseSchema).filter((k) => k !== 'expires_in')).toEqual(propertyNames(response));
    expect(() => loginRequestSchema.parse({ user_credentials: { username: 'admin', password: 'p' }, generate_refresh_token: true })).not.toThrow();
  });

  it('reads the device info with the common 1.0 names', () => {
    expect(keys(deviceInfoSchema)).toEqual(propertyNames(common.components.schemas.info!));
  });

  it('keeps a status newer firmware adds as an unknown state instead of refusing the list', () => {
    const list = parseWire(backupListSchema, { items: [{ id: '7', status: 'verifying', description: 'x', size: 10, backup_time: 1602540000 }, { id: 8 }] }, 'list');
    expect(list.items!.map((b) => toDomainBackup(b, 'ep')).map((b) => [b.id, b.state, b.statusText])).toEqual([
      ['7', 'unknown', 'verifying'],
      ['8', 'unknown', 'unknown'],
    ]);
  });
});
