import { readFile } from 'node:fs/promises';
import { OsKeychainStore, type SafeStorageLike } from '../core/secrets/os-keychain-store';
import { PassphraseVault } from '../core/secrets/passphrase-vault';
import type { SecretStore } from '../core/secrets/secret-store';

export type SecretStoreKind = 'os-keychain' | 'passphrase';

/**
 * The file decides once it exists: secrets saved with the OS keychain stay there (a keyring that
 * is briefly unavailable shows as "locked", not as a new empty vault), and a passphrase vault stays
 * a passphrase vault when a keyring appears later. A new install uses the keychain only when it is
 * a real keyring: on Linux, safeStorage's `basic_text` backend merely obfuscates with a fixed key.
 */
export function chooseSecretStoreKind(existingFormat: string | undefined, keyringIsReal: boolean): SecretStoreKind {
  if (existingFormat?.startsWith('bc-keychain/')) return 'os-keychain';
  if (existingFormat?.startsWith('bc-vault/')) return 'passphrase';
  return keyringIsReal ? 'os-keychain' : 'passphrase';
}

const weakLinuxBackends = new Set(['basic_text', 'unknown']);

export function keyringIsReal(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return platform !== 'linux' || !weakLinuxBackends.has(safeStorage.getSelectedStorageBackend?.() ?? 'unknown');
}

/** The `format` tag of the secrets file, or undefined when there is none (or it is unreadable: the store reports that). */
export async function readSecretsFormat(file: string): Promise<string | undefined> {
  try {
    const json: unknown = JSON.parse(await readFile(file, 'utf8'));
    const format = json && typeof json === 'object' ? (json as { format?: unknown }).format : undefined;
    return typeof format === 'string' ? format : undefined;
  } catch {
    return undefined;
  }
}

export async function openSecretStore(
  file: string,
  safeStorage: SafeStorageLike,
  onSecret: (value: string) => void,
): Promise<{ kind: SecretStoreKind; store: SecretStore }> {
  const kind = chooseSecretStoreKind(await readSecretsFormat(file), keyringIsReal(safeStorage));
  const store = kind === 'os-keychain' ? await OsKeychainStore.open(file, safeStorage, { onSecret }) : await PassphraseVault.open(file, { onSecret });
  return { kind, store };
}
