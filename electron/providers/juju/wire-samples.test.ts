import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createParams } from './create-backup';
import { backupsMetadataFields, backupsMetadataSchema, loginResultSchema } from './wire-schemas';

const folder = '/work/shared/reference/samples/juju';

interface Definition {
  properties?: Record<string, { type?: string; $ref?: string; items?: unknown }>;
  required?: string[];
}
interface Facade {
  Name: string;
  Version: number;
  Schema: { properties: Record<string, unknown>; definitions: Record<string, Definition> };
}

const samples = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, facades: JSON.parse(readFileSync(join(folder, file), 'utf8')) as Facade[] }));

/** A value of the schema's type, as a controller would send it. */
function valueFor(name: string, property: { type?: string; $ref?: string }): unknown {
  if (property.$ref?.endsWith('/Number')) return '2.8.10';
  if (property.type === 'integer') return 7;
  if (['stored', 'started', 'finished'].includes(name)) return '0001-01-01T00:00:00Z';
  return `${name}-value`;
}

describe.each(samples)('the Juju schema $file', ({ facades }) => {
  const backups = facades.find((f) => f.Name === 'Backups')!;
  const definitions = backups.Schema.definitions;

  it('lists only BackupsMetadataResult fields the wire schema declares, and every one parses', () => {
    const result = definitions.BackupsMetadataResult!;
    const fields = Object.keys(result.properties!);
    expect(fields.filter((f) => !backupsMetadataFields.includes(f))).toEqual([]);
    const frame = Object.fromEntries(fields.map((f) => [f, valueFor(f, result.properties![f]!)]));
    const parsed = backupsMetadataSchema.parse(frame);
    expect(parsed.id).toBe('id-value');
    expect(parsed).not.toHaveProperty('ca-private-key');
    expect(parsed).not.toHaveProperty('ca-cert');
    expect(parsed.carriesCaPrivateKey).toBe(fields.includes('ca-private-key'));
  });

  it('takes exactly the Create arguments this app sends for its version', () => {
    const args = Object.keys(definitions.BackupsCreateArgs!.properties!).sort();
    // 2.0's facade 1 takes only notes; later facade-1 servers ignore the rest, so notes alone is right for v1.
    expect(Object.keys(createParams(backups.Version, { notes: 'n', keep_copy: true }, false)).sort()).toEqual(args);
  });

  it('names Remove, Restore and Info arguments as this app sends them', () => {
    if (definitions.BackupsRemoveArgs) expect(Object.keys(definitions.BackupsRemoveArgs.properties!)).toEqual([backups.Version === 1 ? 'id' : 'ids']);
    if (definitions.RestoreArgs) expect(Object.keys(definitions.RestoreArgs.properties!)).toEqual(['backup-id']);
    if (definitions.BackupsInfoArgs) expect(Object.keys(definitions.BackupsInfoArgs.properties!)).toEqual(['id']);
  });

  // The 2.0.0 excerpt holds Backups and Pinger only.
  it.skipIf(!facades.some((f) => f.Name === 'Admin'))('logs in with Admin v3 LoginRequest fields and reads LoginResult fields it declares', () => {
    const admin = facades.find((f) => f.Name === 'Admin')!;
    expect(admin.Version).toBe(3);
    const request = Object.keys(admin.Schema.definitions.LoginRequest!.properties!);
    for (const sent of ['auth-tag', 'credentials', 'nonce', 'macaroons', 'user-data']) expect(request).toContain(sent);
    const result = Object.keys(admin.Schema.definitions.LoginResult!.properties!);
    for (const read of ['facades', 'server-version', 'user-info', 'model-tag', 'controller-tag']) expect(result).toContain(read);
    expect(Object.keys(loginResultSchema.shape).filter((k) => !result.includes(k))).toEqual([]);
  });
});

it('finds client-version in every LoginRequest the samples show', () => {
  const requests = samples.flatMap(({ facades }) => facades.filter((f) => f.Name === 'Admin').map((f) => f.Schema.definitions.LoginRequest!.properties!));
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) expect(request).toHaveProperty('client-version');
});
