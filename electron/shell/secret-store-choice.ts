import { readFile } from 'node:fs/promises';
import { OsKeychainStore, type SafeStorageLike } from '../core/secrets/os-keychain-store';
import { PassphraseVault } from '../core/secrets/passphrase-vault';
import type { SecretStore } from '../core/secrets/secret-store';

export type SecretStoreKind = 'os-keychain' | 'passphrase';

/**
 * The file decides once it exists: secrets saved with the OS keychain stay there (a keyring that
 * is briefly unavailable shows as "locked", not as a new empty vault), and a passphrase vault stays
 * a passphrase vault when a keyring appears later. A new install uses the keychain when it works.
 */
export function chooseSecretStoreKind(existingFormat: string | undefined, encryptionAvailable: boolean): SecretStoreKind {
  if (existingFormat?.startsWith('bc-keychain/')) return 'os-keychain';
  if (existingFormat?.startsWith('bc-vault/')) return 'passphrase';
  return encryptionAvailable ? 'os-keychain' : 'passphrase';
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
  const kind = chooseSecretStoreKind(await readSecretsFormat(file), safeStorage.isEncryptionAvailable());
  const store = kind === 'os-keychain' ? await OsKeychainStore.open(file, safeStorage, { onSecret }) : await PassphraseVault.open(file, { onSecret });
  return { kind, store };
}
