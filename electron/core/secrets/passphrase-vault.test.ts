import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { PassphraseVault } from './passphrase-vault';
import { endpointSecretKey, endpointSecretPrefix } from './secret-store';

const PASSPHRASE = 'correct horse battery staple';
const SECRET = 'app-cred-secret-5b1e0c9d7a';
const keyA = endpointSecretKey('ep-a', 'password');
const keyB = endpointSecretKey('ep-b', 'password');

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bc-vault-'));
  file = join(dir, 'secrets.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

type VaultJson = { format: string; kdf: Record<string, unknown>; check: string; entries: Record<string, string> };
const readVault = async (): Promise<VaultJson> => JSON.parse(await readFile(file, 'utf8')) as VaultJson;

async function unlockedVault(): Promise<PassphraseVault> {
  const vault = await PassphraseVault.open(file);
  await vault.unlock(PASSPHRASE);
  return vault;
}

describe('PassphraseVault', () => {
  it('is created by the first unlock, in the documented format, with mode 0600', async () => {
    const vault = await PassphraseVault.open(file);
    expect(vault.status()).toEqual({ kind: 'passphrase', state: 'uninitialised' });
    expect(await vault.unlock(PASSPHRASE)).toEqual({ kind: 'passphrase', state: 'unlocked' });
    const onDisk = await readVault();
    expect(onDisk.format).toBe('bc-vault/1');
    expect(onDisk.kdf).toMatchObject({ name: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(Buffer.from(onDisk.kdf.salt as string, 'base64')).toHaveLength(16);
    expect(onDisk.check).toMatch(/^v1:aes-256-gcm:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(onDisk.entries).toEqual({});
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['secrets.json']);
  });

  it('keeps secrets across a restart, readable only after unlocking with the same passphrase', async () => {
    const first = await unlockedVault();
    await first.set(keyA, SECRET);
    expect(await first.get(keyA)).toBe(SECRET);
    expect(await first.get(keyB)).toBeUndefined();

    const restarted = await PassphraseVault.open(file);
    expect(restarted.status().state).toBe('locked');
    await restarted.unlock(PASSPHRASE);
    expect(await restarted.get(keyA)).toBe(SECRET);
  });

  it('refuses every read and write while locked', async () => {
    await (await unlockedVault()).set(keyA, SECRET);
    const locked = await PassphraseVault.open(file);
    for (const attempt of [locked.get(keyA), locked.set(keyB, 'x'), locked.delete(keyA), locked.deletePrefix('endpoint/')]) {
      const error = await caught(attempt);
      expect(error.code).toBe('vault-locked');
      expect(error.hint).toBe('Unlock the vault with its passphrase first.');
    }
    const relocked = await unlockedVault();
    relocked.lock();
    expect(relocked.status().state).toBe('locked');
    expect((await caught(relocked.get(keyA))).code).toBe('vault-locked');
  });

  it('rejects a wrong passphrase and stays locked', async () => {
    await unlockedVault();
    const vault = await PassphraseVault.open(file);
    const error = await caught(vault.unlock('correct horse battery stapler'));
    expect(error.code).toBe('vault-wrong-passphrase');
    expect(error.message).toBe('That passphrase does not open the vault.');
    expect(error.hint).toBeTruthy();
    expect(vault.status().state).toBe('locked');
  });

  it('never writes the passphrase or a secret to disk in the clear', async () => {
    const vault = await unlockedVault();
    await vault.set(keyA, SECRET);
    await vault.set(keyB, SECRET);
    const bytes = await readFile(file);
    for (const needle of [SECRET, PASSPHRASE, Buffer.from(SECRET).toString('base64'), Buffer.from(PASSPHRASE).toString('base64')]) {
      expect(bytes.includes(needle)).toBe(false);
    }
    const { entries } = await readVault();
    expect(entries[keyA]).not.toBe(entries[keyB]);
  });

  it('reports altered ciphertext as damage instead of returning garbage', async () => {
    await (await unlockedVault()).set(keyA, SECRET);
    const data = await readVault();
    const [, , iv, tag, ciphertext] = data.entries[keyA].split(':');
    const flipped = Buffer.from(ciphertext, 'base64');
    flipped[0] ^= 0x01;
    data.entries[keyA] = `v1:aes-256-gcm:${iv}:${tag}:${flipped.toString('base64')}`;
    await writeFile(file, JSON.stringify(data));

    const error = await caught((await unlockedVault()).get(keyA));
    expect(error.code).toBe('corrupt-config');
    expect(error.message).toBe(`The stored secret "${keyA}" cannot be decrypted: the vault file was changed or damaged.`);
    expect(error.hint).toBeTruthy();
  });

  it('refuses an entry moved under another key', async () => {
    const vault = await unlockedVault();
    await vault.set(keyA, 'secret of A');
    await vault.set(keyB, 'secret of B');
    const data = await readVault();
    [data.entries[keyA], data.entries[keyB]] = [data.entries[keyB], data.entries[keyA]];
    await writeFile(file, JSON.stringify(data));

    const reopened = await unlockedVault();
    expect((await caught(reopened.get(keyA))).code).toBe('corrupt-config');
    expect((await caught(reopened.get(keyB))).code).toBe('corrupt-config');
  });

  it('names an unknown ciphertext format', async () => {
    await (await unlockedVault()).set(keyA, SECRET);
    const data = await readVault();
    data.entries[keyA] = data.entries[keyA].replace(/^v1:/, 'v9:');
    await writeFile(file, JSON.stringify(data));
    expect((await caught((await unlockedVault()).get(keyA))).message).toContain('a format this version does not know');
  });

  it('deletes single keys and whole endpoint prefixes, on disk too', async () => {
    const vault = await unlockedVault();
    await vault.set(endpointSecretKey('ep-a', 'user'), 'u');
    await vault.set(endpointSecretKey('ep-a', 'password'), 'p');
    await vault.set(endpointSecretKey('ep-ab', 'password'), 'q');
    await vault.delete(endpointSecretKey('ep-a', 'user'));
    await vault.deletePrefix(endpointSecretPrefix('ep-a'));
    await vault.delete('never-set');
    expect(Object.keys((await readVault()).entries)).toEqual([endpointSecretKey('ep-ab', 'password')]);
    expect(await (await unlockedVault()).get(endpointSecretKey('ep-ab', 'password'))).toBe('q');
  });

  it('tells the redactor about the passphrase and every secret it handles', async () => {
    const seen: string[] = [];
    const vault = await PassphraseVault.open(file, { onSecret: (v) => seen.push(v) });
    await vault.unlock(PASSPHRASE);
    await vault.set(keyA, SECRET);
    expect(seen).toEqual([PASSPHRASE, SECRET]);

    const seenLater: string[] = [];
    const restarted = await PassphraseVault.open(file, { onSecret: (v) => seenLater.push(v) });
    await restarted.unlock(PASSPHRASE);
    await restarted.get(keyA);
    expect(seenLater).toEqual([PASSPHRASE, SECRET]);
  });

  it('refuses to create a vault with an empty or short passphrase', async () => {
    const vault = await PassphraseVault.open(file);
    expect((await caught(vault.unlock(''))).code).toBe('validation');
    const short = await caught(vault.unlock('short'));
    expect(short.code).toBe('validation');
    expect(short.message).toBe('Choose a passphrase of at least 8 characters.');
    expect(vault.status().state).toBe('uninitialised');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses to open a damaged vault file and does not replace it on unlock', async () => {
    await writeFile(file, '{"format":"bc-vault/1",');
    expect((await caught(PassphraseVault.open(file))).code).toBe('corrupt-config');
    expect(await readFile(file, 'utf8')).toBe('{"format":"bc-vault/1",');
  });

  it('says clearly when the file belongs to the OS keychain store', async () => {
    await writeFile(file, JSON.stringify({ format: 'bc-keychain/1', entries: {} }));
    const error = await caught(PassphraseVault.open(file));
    expect(error.code).toBe('corrupt-config');
    expect(error.message).toContain('OS keychain');
  });

  it('refuses scrypt parameters outside safe bounds', async () => {
    await unlockedVault();
    const data = await readVault();
    data.kdf.N = 2 ** 30;
    await writeFile(file, JSON.stringify(data));
    expect((await caught(PassphraseVault.open(file))).message).toMatch(/kdf\.N: /);
  });
});
