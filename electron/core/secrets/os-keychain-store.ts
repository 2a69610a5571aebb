import { z } from 'zod';
import type { VaultStatus } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { readJsonFile, writeFileAtomic } from '../fs/atomic-file';
import type { SecretStore } from './secret-store';

/** The part of Electron's `safeStorage` this store needs; main passes the real one in. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron. */
  getSelectedStorageBackend?(): string;
}

export interface OsKeychainStoreOptions {
  /** Receives every secret value read or written, e.g. SecretRedactor.add. */
  onSecret?: (value: string) => void;
  /** Defaults to process.platform; tests pass 'linux' to see the weak-backend warning. */
  platform?: NodeJS.Platform;
}

const FORMAT = 'bc-keychain/1';
const PREFIX = 'ss1:';

const keychainFileSchema = z.object({
  format: z.literal(FORMAT, `expected "${FORMAT}" (OS keychain secrets); the passphrase vault writes a different format`),
  entries: z.record(z.string(), z.string()),
});
type KeychainFile = z.infer<typeof keychainFileSchema>;

/** What `ss1:` encrypts: the key travels inside the ciphertext so an entry copied under another key is refused. */
const sealedSchema = z.object({ k: z.string(), v: z.string() });

export const weakKeyringWarning =
  'This system has no keyring Backup Console can use, so saved secrets are only obfuscated on disk, not encrypted. ' +
  'Install and unlock GNOME Keyring or KWallet and restart Backup Console, or use the passphrase vault instead.';

const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

/**
 * Secrets encrypted by the OS (Electron safeStorage: Keychain, DPAPI, libsecret/KWallet) and
 * kept in `<dataDir>/secrets.json`. Create it with `OsKeychainStore.open`. It is always unlocked
 * unless the OS says encryption is unavailable, in which case it reports 'locked' and refuses reads
 * and writes; main should then use the passphrase vault.
 */
export class OsKeychainStore implements SecretStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
    private entries: Record<string, string>,
    private readonly onSecret: (value: string) => void,
    private readonly platform: NodeJS.Platform,
  ) {}

  /** Reads the file if it exists. Throws AppError('corrupt-config') for a bad file, which is then never overwritten. */
  static async open(file: string, safeStorage: SafeStorageLike, options: OsKeychainStoreOptions = {}): Promise<OsKeychainStore> {
    const data = await readJsonFile(file, keychainFileSchema, 'The secrets file');
    return new OsKeychainStore(file, safeStorage, data?.entries ?? {}, options.onSecret ?? (() => undefined), options.platform ?? process.platform);
  }

  status(): VaultStatus {
    if (!this.safeStorage.isEncryptionAvailable()) {
      return { kind: 'os-keychain', state: 'locked', warning: 'The OS keychain is not available right now, so secrets can be neither read nor saved.' };
    }
    const backend = this.platform === 'linux' ? this.safeStorage.getSelectedStorageBackend?.() : undefined;
    if (backend !== undefined && WEAK_BACKENDS.has(backend)) return { kind: 'os-keychain', state: 'unlocked', warning: weakKeyringWarning };
    return { kind: 'os-keychain', state: 'unlocked' };
  }

  /** Nothing to unlock: the OS unlocks the keyring at login. A passphrase, if given, is ignored. */
  unlock(): Promise<VaultStatus>;
  unlock(passphrase: string): Promise<VaultStatus>;
  async unlock(): Promise<VaultStatus> {
    return this.status();
  }

  async get(key: string): Promise<string | undefined> {
    this.requireAvailable();
    if (!Object.hasOwn(this.entries, key)) return undefined;
    const value = this.open(key, this.entries[key]);
    this.onSecret(value);
    return value;
  }

  set(key: string, value: string): Promise<void> {
    this.onSecret(value);
    return this.serial(async () => {
      this.requireAvailable();
      const sealed = this.safeStorage.encryptString(JSON.stringify({ k: key, v: value }));
      await this.save({ ...this.entries, [key]: PREFIX + sealed.toString('base64') });
    });
  }

  delete(key: string): Promise<void> {
    return this.deleteWhere((k) => k === key);
  }

  deletePrefix(prefix: string): Promise<void> {
    return this.deleteWhere((k) => k.startsWith(prefix));
  }

  private deleteWhere(matches: (key: string) => boolean): Promise<void> {
    return this.serial(async () => {
      this.requireAvailable();
      const kept = Object.entries(this.entries).filter(([k]) => !matches(k));
      if (kept.length === Object.keys(this.entries).length) return;
      await this.save(Object.fromEntries(kept));
    });
  }

  private open(key: string, stored: string): string {
    const damaged = (why: string) =>
      new AppError('corrupt-config', `The stored secret "${key}" cannot be decrypted: ${why}.`, 'Enter the secret again in the endpoint settings to replace it.');
    if (!stored.startsWith(PREFIX)) throw damaged('it uses a format this version does not know');
    let plain: string;
    try {
      plain = this.safeStorage.decryptString(Buffer.from(stored.slice(PREFIX.length), 'base64'));
    } catch {
      throw damaged('the OS keychain refused it (the keyring may have been reset, or the file comes from another user or machine)');
    }
    let sealed: z.infer<typeof sealedSchema>;
    try {
      sealed = sealedSchema.parse(JSON.parse(plain));
    } catch {
      throw damaged('the decrypted value is not in the expected form');
    }
    if (sealed.k !== key) throw damaged('it was stored under a different name');
    return sealed.v;
  }

  private requireAvailable(): void {
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new AppError('vault-locked', 'The OS keychain is not available.', 'Unlock your login keyring (GNOME Keyring or KWallet on Linux), or use the passphrase vault.');
    }
  }

  private async save(entries: Record<string, string>): Promise<void> {
    const data: KeychainFile = { format: FORMAT, entries };
    await writeFileAtomic(this.file, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
    this.entries = entries;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
