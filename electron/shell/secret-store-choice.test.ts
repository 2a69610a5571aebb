import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SafeStorageLike } from '../core/secrets/os-keychain-store';
import { chooseSecretStoreKind, keyringIsReal, openSecretStore, readSecretsFormat } from './secret-store-choice';

describe('chooseSecretStoreKind', () => {
  it('keeps whatever store the secrets were saved in', () => {
    expect(chooseSecretStoreKind('bc-keychain/1', false)).toBe('os-keychain');
    expect(chooseSecretStoreKind('bc-vault/1', true)).toBe('passphrase');
  });

  it('uses the OS keychain for a new install when encryption works, else a passphrase vault', () => {
    expect(chooseSecretStoreKind(undefined, true)).toBe('os-keychain');
    expect(chooseSecretStoreKind(undefined, false)).toBe('passphrase');
    expect(chooseSecretStoreKind('something-else', true)).toBe('os-keychain');
  });
});

describe('openSecretStore', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const fakeSafeStorage = (available: boolean, backend = 'gnome_libsecret'): SafeStorageLike => ({
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(s, 'utf8'),
    decryptString: (b) => b.toString('utf8'),
    getSelectedStorageBackend: () => backend,
  });

  it('opens the keychain store on a fresh install with a keyring', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bc-secrets-'));
    const { kind, store } = await openSecretStore(join(dir, 'secrets.json'), fakeSafeStorage(true), () => {});
    expect(kind).toBe('os-keychain');
    expect(store.status().kind).toBe('os-keychain');
  });

  it('treats Linux basic_text and unknown backends as no keyring, so a new install gets a passphrase vault', async () => {
    expect(keyringIsReal(fakeSafeStorage(true, 'basic_text'), 'linux')).toBe(false);
    expect(keyringIsReal(fakeSafeStorage(true, 'unknown'), 'linux')).toBe(false);
    expect(keyringIsReal(fakeSafeStorage(true, 'kwallet5'), 'linux')).toBe(true);
    expect(keyringIsReal(fakeSafeStorage(true, 'basic_text'), 'darwin')).toBe(true);
    expect(keyringIsReal(fakeSafeStorage(false), 'darwin')).toBe(false);
    if (process.platform === 'linux') {
      dir = mkdtempSync(join(tmpdir(), 'bc-secrets-'));
      const { kind } = await openSecretStore(join(dir, 'secrets.json'), fakeSafeStorage(true, 'basic_text'), () => {});
      expect(kind).toBe('passphrase');
    }
  });

  it('falls back to a passphrase vault without one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bc-secrets-'));
    const { kind, store } = await openSecretStore(join(dir, 'secrets.json'), fakeSafeStorage(false), () => {});
    expect(kind).toBe('passphrase');
    expect(store.status()).toMatchObject({ kind: 'passphrase', state: 'uninitialised' });
  });

  it('reads the format tag and ignores unreadable files', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bc-secrets-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ format: 'bc-vault/1' }));
    writeFileSync(join(dir, 'b.json'), 'not json');
    expect(await readSecretsFormat(join(dir, 'a.json'))).toBe('bc-vault/1');
    expect(await readSecretsFormat(join(dir, 'b.json'))).toBeUndefined();
    expect(await readSecretsFormat(join(dir, 'missing.json'))).toBeUndefined();
  });
});
