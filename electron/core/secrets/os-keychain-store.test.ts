import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { OsKeychainStore, weakKeyringWarning, type SafeStorageLike } from './os-keychain-store';
import { endpointSecretKey, endpointSecretPrefix } from './secret-store';

/** Stands in for Electron's safeStorage (outside this process): XOR with a per-"machine" byte behind a marker. */
class FakeSafeStorage implements SafeStorageLike {
  available = true;
  constructor(
    private readonly backend = 'gnome_libsecret',
    private readonly machineKey = 0x5a,
  ) {}
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from([0xfe, this.machineKey]), Buffer.from(plainText, 'utf8').map((b) => b ^ this.machineKey)]);
  }
  decryptString(encrypted: Buffer): string {
    if (encrypted[0] !== 0xfe || encrypted[1] !== this.machineKey) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(encrypted.subarray(2).map((b) => b ^ this.machineKey)).toString('utf8');
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
}

const SECRET = 'keystone-password-8c21f0';
const key = endpointSecretKey('ep-1', 'password');

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bc-keychain-'));
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

type KeychainJson = { format: string; entries: Record<string, string> };
const readStore = async (): Promise<KeychainJson> => JSON.parse(await readFile(file, 'utf8')) as KeychainJson;

describe('OsKeychainStore', () => {
  it('keeps secrets across a restart in the documented format, never in the clear', async () => {
    const safe = new FakeSafeStorage();
    const store = await OsKeychainStore.open(file, safe);
    await store.set(key, SECRET);
    expect(await store.get(key)).toBe(SECRET);

    const restarted = await OsKeychainStore.open(file, safe);
    expect(await restarted.get(key)).toBe(SECRET);
    expect(await restarted.get('endpoint/ep-1/other')).toBeUndefined();

    const onDisk = await readStore();
    expect(onDisk.format).toBe('bc-keychain/1');
    expect(onDisk.entries[key]).toMatch(/^ss1:[A-Za-z0-9+/=]+$/);
    expect((await readFile(file)).includes(SECRET)).toBe(false);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('is always unlocked, and unlock is a no-op', async () => {
    const store = await OsKeychainStore.open(file, new FakeSafeStorage(), { platform: 'linux' });
    expect(store.status()).toEqual({ kind: 'os-keychain', state: 'unlocked' });
    expect(await store.unlock('ignored')).toEqual({ kind: 'os-keychain', state: 'unlocked' });
  });

  it.each(['basic_text', 'unknown'])('warns on Linux when the backend is %s', async (backend) => {
    const store = await OsKeychainStore.open(file, new FakeSafeStorage(backend), { platform: 'linux' });
    expect(store.status()).toEqual({ kind: 'os-keychain', state: 'unlocked', warning: weakKeyringWarning });
    expect(weakKeyringWarning).toMatch(/only obfuscated/);
    expect(weakKeyringWarning).toMatch(/GNOME Keyring or KWallet/);
    expect(weakKeyringWarning).toMatch(/passphrase vault/);
  });

  it('does not warn for a real keyring, or off Linux', async () => {
    expect((await OsKeychainStore.open(file, new FakeSafeStorage('kwallet6'), { platform: 'linux' })).status().warning).toBeUndefined();
    expect((await OsKeychainStore.open(file, new FakeSafeStorage('basic_text'), { platform: 'darwin' })).status().warning).toBeUndefined();
    const fake = new FakeSafeStorage('basic_text');
    const withoutBackendQuery: SafeStorageLike = {
      isEncryptionAvailable: () => fake.isEncryptionAvailable(),
      encryptString: (s) => fake.encryptString(s),
      decryptString: (b) => fake.decryptString(b),
    };
    expect((await OsKeychainStore.open(file, withoutBackendQuery, { platform: 'linux' })).status().warning).toBeUndefined();
  });

  it('reports locked and refuses reads and writes while the OS cannot encrypt', async () => {
    const safe = new FakeSafeStorage();
    const store = await OsKeychainStore.open(file, safe);
    await store.set(key, SECRET);
    safe.available = false;
    expect(store.status().state).toBe('locked');
    expect(store.status().warning).toBeTruthy();
    for (const attempt of [store.get(key), store.set(key, 'x'), store.delete(key), store.deletePrefix('endpoint/')]) {
      expect((await caught(attempt)).code).toBe('vault-locked');
    }
    safe.available = true;
    expect(await store.get(key)).toBe(SECRET);
  });

  it('refuses an entry moved under another key', async () => {
    const safe = new FakeSafeStorage();
    const store = await OsKeychainStore.open(file, safe);
    const other = endpointSecretKey('ep-2', 'password');
    await store.set(key, 'first');
    await store.set(other, 'second');
    const data = await readStore();
    [data.entries[key], data.entries[other]] = [data.entries[other], data.entries[key]];
    await writeFile(file, JSON.stringify(data));
    const error = await caught((await OsKeychainStore.open(file, safe)).get(key));
    expect(error.code).toBe('corrupt-config');
    expect(error.message).toContain('stored under a different name');
  });

  it('explains a secret the OS keychain cannot decrypt (file from another machine)', async () => {
    await (await OsKeychainStore.open(file, new FakeSafeStorage('gnome_libsecret', 0x11))).set(key, SECRET);
    const elsewhere = await OsKeychainStore.open(file, new FakeSafeStorage('gnome_libsecret', 0x22));
    const error = await caught(elsewhere.get(key));
    expect(error.code).toBe('corrupt-config');
    expect(error.message).toContain('the OS keychain refused it');
    expect(error.hint).toBeTruthy();
  });

  it('deletes keys and prefixes', async () => {
    const store = await OsKeychainStore.open(file, new FakeSafeStorage());
    await store.set(endpointSecretKey('a', 'x'), '1');
    await store.set(endpointSecretKey('a', 'y'), '2');
    await store.set(endpointSecretKey('b', 'x'), '3');
    await store.delete(endpointSecretKey('b', 'x'));
    await store.deletePrefix(endpointSecretPrefix('a'));
    expect((await readStore()).entries).toEqual({});
  });

  it('reports every secret value it reads or writes', async () => {
    const seen: string[] = [];
    const safe = new FakeSafeStorage();
    await (await OsKeychainStore.open(file, safe, { onSecret: (v) => seen.push(v) })).set(key, SECRET);
    await (await OsKeychainStore.open(file, safe, { onSecret: (v) => seen.push(v) })).get(key);
    expect(seen).toEqual([SECRET, SECRET]);
  });

  it('refuses a damaged file or a passphrase vault and leaves it alone', async () => {
    await writeFile(file, 'not json');
    expect((await caught(OsKeychainStore.open(file, new FakeSafeStorage()))).code).toBe('corrupt-config');
    expect(await readFile(file, 'utf8')).toBe('not json');
    await writeFile(file, JSON.stringify({ format: 'bc-vault/1', kdf: {}, check: '', entries: {} }));
    expect((await caught(OsKeychainStore.open(file, new FakeSafeStorage()))).message).toContain('passphrase vault');
  });
});
