import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPiecesSim, type PiecesSim } from '../../e2e/sims/pieces';
import { piecesProvider } from '../providers/pieces/provider';
import type { Provider } from '../providers/provider';
import { createProviderRegistry } from '../providers/registry';
import { createAppCore, type AppCore } from './app-core';
import { createLogger, SecretRedactor } from './log/logger';
import { PassphraseVault } from './secrets/passphrase-vault';
import { filesUnder } from './test-support/core-under-test';

const PASSPHRASE = 'vault passphrase for the secrets test';
const API_KEY = 'sk-live-7f3c9a12e4b84d0b';

/**
 * No shipped kind has a credential yet (Pieces OS needs none), so this fixture gives Pieces an API key
 * field; the plumbing under test (vault, endpoint store, contract, logs) is the one every kind uses.
 */
const seenByProvider: (string | undefined)[] = [];
const piecesWithApiKey: Provider = {
  ...piecesProvider,
  info: { ...piecesProvider.info, secretFields: [{ name: 'apiKey', label: 'API key' }] },
  async testConnection(ctx) {
    seenByProvider.push(await ctx.secret('apiKey'));
    return piecesProvider.testConnection(ctx);
  },
};


describe('secrets', () => {
  let dataDir: string;
  let sim: PiecesSim;
  let core: AppCore | undefined;
  const logLines: string[] = [];
  const responses: string[] = [];

  async function boot(): Promise<AppCore> {
    const redactor = new SecretRedactor();
    const log = createLogger({ file: join(dataDir, 'logs', 'main.log'), redactor, sink: (l) => logLines.push(l), level: 'debug' });
    const vault = await PassphraseVault.open(join(dataDir, 'secrets.json'), { onSecret: (v) => redactor.add(v) });
    const created = await createAppCore({
      dataDir,
      secretStore: vault,
      log,
      host: 'web',
      version: 'test',
      redactor,
      providers: createProviderRegistry({ pieces: piecesWithApiKey }),
    });
    return created;
  }

  async function call(name: string, input: unknown = {}) {
    const result = await core!.dispatch(name, input);
    responses.push(JSON.stringify(result));
    return result;
  }

  afterEach(async () => {
    await core?.close();
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a secret, reads it back after a restart, and never shows it on disk, in answers or in logs', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bc-secrets-'));
    sim = await startPiecesSim({ port: 0 });
    core = await boot();
    core.onEvent((name, payload) => responses.push(JSON.stringify({ name, payload })));

    expect((await call('vault.status')).ok).toBe(true);
    const locked = await call('endpoints.add', { config: { kind: 'pieces', name: 'Locked', url: sim.url }, secrets: { apiKey: API_KEY } });
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.error.code).toBe('vault-locked');

    expect((await call('vault.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    const added = await call('endpoints.add', { config: { kind: 'pieces', name: 'Pieces with key', url: sim.url }, secrets: { apiKey: API_KEY } });
    expect(added.ok).toBe(true);
    const endpoint = (added as { value: { id: string; secretsSet: string[] } }).value;
    expect(endpoint.secretsSet).toEqual(['apiKey']);

    await core.close();
    core = await boot();
    const relocked = await call('endpoints.test', { endpointId: endpoint.id });
    expect(relocked.ok && (relocked.value as { ok: boolean }).ok).toBe(false);
    expect(JSON.stringify(relocked)).toMatch(/vault/i);

    const wrong = await call('vault.unlock', { passphrase: 'not the passphrase' });
    expect(!wrong.ok && wrong.error.code).toBe('vault-wrong-passphrase');
    expect((await call('vault.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    const tested = await call('endpoints.test', { endpointId: endpoint.id });
    expect(tested.ok && (tested.value as { ok: boolean }).ok).toBe(true);
    expect(seenByProvider.at(-1)).toBe(API_KEY);

    const listed = await call('endpoints.list');
    expect(listed.ok).toBe(true);

    for (const file of filesUnder(dataDir)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(API_KEY), `${file} contains the API key`).toBe(false);
      expect(bytes.includes(PASSPHRASE), `${file} contains the passphrase`).toBe(false);
    }
    expect(responses.length).toBeGreaterThan(5);
    for (const response of responses) {
      expect(response).not.toContain(API_KEY);
      expect(response).not.toContain(PASSPHRASE);
    }
    expect(logLines.length).toBeGreaterThan(3);
    for (const line of logLines) {
      expect(line).not.toContain(API_KEY);
      expect(line).not.toContain(PASSPHRASE);
    }
  });
});
