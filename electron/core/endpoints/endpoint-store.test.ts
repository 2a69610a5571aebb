import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EndpointConfig } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { EndpointStore } from './endpoint-store';

const config = (name: string, url = 'http://127.0.0.1:39300'): EndpointConfig => ({ kind: 'pieces', name, url, timeoutMs: 30_000, tls: {}, settings: {} });

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bc-endpoints-'));
  file = join(dir, 'endpoints.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function caught(work: Promise<unknown> | (() => unknown)): Promise<AppError> {
  let error: unknown;
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('EndpointStore', () => {
  it('starts empty without a file and keeps endpoints across a reopen', async () => {
    const store = await EndpointStore.open(file);
    expect(store.list()).toEqual([]);
    const added = await store.add(config('Laptop'));
    expect(added).toMatchObject({ kind: 'pieces', name: 'Laptop', secretsSet: [] });
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(added.createdAt))).toBe(false);

    const reopened = await EndpointStore.open(file);
    expect(reopened.list()).toEqual([added]);
    expect(reopened.get(added.id)).toEqual(added);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { version: number; endpoints: unknown[] };
    expect(onDisk).toEqual({ version: 1, endpoints: [added] });
    expect(await readdir(dir)).toEqual(['endpoints.json']);
  });

  it('refuses a second endpoint with the same name in any case', async () => {
    const store = await EndpointStore.open(file);
    await store.add(config('Studio Mac'));
    const error = await caught(store.add(config('  studio mac ')));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('An endpoint named "Studio Mac" already exists.');
    expect(error.hint).toBeTruthy();
    expect(store.list()).toHaveLength(1);
  });

  it('refuses names that clash even when added at the same moment', async () => {
    const store = await EndpointStore.open(file);
    const results = await Promise.allSettled([store.add(config('Twin')), store.add(config('TWIN'))]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await EndpointStore.open(file)).list()).toHaveLength(1);
  });

  it('updates the editable fields but keeps id, createdAt and secretsSet', async () => {
    const store = await EndpointStore.open(file);
    const original = await store.add(config('Desk'));
    await store.setSecretsSet(original.id, ['token', 'apiKey', 'token']);
    const renamed = await store.update(original.id, config('DESK', 'http://10.0.0.2:39300'));
    expect(renamed).toEqual({ ...original, name: 'DESK', url: 'http://10.0.0.2:39300', secretsSet: ['apiKey', 'token'] });
    expect((await EndpointStore.open(file)).get(original.id)).toEqual(renamed);
  });

  it('refuses to rename onto another endpoint', async () => {
    const store = await EndpointStore.open(file);
    await store.add(config('One'));
    const two = await store.add(config('Two'));
    expect((await caught(store.update(two.id, config('one')))).code).toBe('conflict');
    expect(store.get(two.id).name).toBe('Two');
  });

  it('removes endpoints and says not-found for unknown ids', async () => {
    const store = await EndpointStore.open(file);
    const gone = await store.add(config('Gone'));
    await store.remove(gone.id);
    expect(store.list()).toEqual([]);
    for (const error of [await caught(() => store.get(gone.id)), await caught(store.remove(gone.id)), await caught(store.setSecretsSet(gone.id, []))]) {
      expect(error.code).toBe('not-found');
      expect(error.hint).toBeTruthy();
    }
    expect((await EndpointStore.open(file)).list()).toEqual([]);
  });

  it('rejects an invalid config before it reaches the file', async () => {
    const store = await EndpointStore.open(file);
    const error = await caught(store.add({ ...config('Bad'), url: 'ftp://example.com' }));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^url: /);
    await expect(readFile(file)).rejects.toThrow();
  });

  it('hands out copies, so callers cannot change the stored endpoints', async () => {
    const store = await EndpointStore.open(file);
    const added = await store.add(config('Copy'));
    added.name = 'Changed';
    store.list()[0].secretsSet.push('sneaky');
    expect(store.get(added.id)).toMatchObject({ name: 'Copy', secretsSet: [] });
  });

  it('refuses to open a file that is not JSON, and leaves it alone', async () => {
    await writeFile(file, '{"version":1,"endpoints":[');
    const error = await caught(EndpointStore.open(file));
    expect(error.code).toBe('corrupt-config');
    expect(error.message).toContain(`The endpoint list at ${file} is not valid:`);
    expect(error.hint).toBe('Fix or move the file aside; Backup Console will not overwrite it.');
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"endpoints":[');
  });

  it('names the first invalid field of a file that does not match the schema', async () => {
    await writeFile(file, JSON.stringify({ version: 1, endpoints: [{ kind: 'pieces', name: '', url: '', timeoutMs: 30000, tls: {}, id: 'a', createdAt: 'x' }] }));
    expect((await caught(EndpointStore.open(file))).message).toMatch(/is not valid: endpoints\.0\.name: Give the endpoint a name$/);
  });

  it('treats duplicate ids and an unknown version as corrupt', async () => {
    const endpoint = { kind: 'pieces', name: 'A', url: '', timeoutMs: 30000, tls: {}, id: 'same', createdAt: 'x', secretsSet: [] };
    await writeFile(file, JSON.stringify({ version: 1, endpoints: [endpoint, { ...endpoint, name: 'B' }] }));
    expect((await caught(EndpointStore.open(file))).message).toMatch(/endpoints\.1\.id: duplicate id same$/);
    await writeFile(file, JSON.stringify({ version: 2, endpoints: [] }));
    expect((await caught(EndpointStore.open(file))).message).toMatch(/version: expected 1/);
  });
});
