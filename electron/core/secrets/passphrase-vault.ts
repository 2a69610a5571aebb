import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { VaultStatus } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { readJsonFile, writeFileAtomic } from '../fs/atomic-file';
import type { SecretStore } from './secret-store';
import { decryptTagged, defaultScryptParams, deriveVaultKey, encryptTagged } from './vault-cipher';

const FORMAT = 'bc-vault/1';
/** Encrypted under the key at creation; decrypting it proves a passphrase right without touching any entry. */
const CHECK_PLAINTEXT = 'Backup Console vault check v1';
// Entry AADs are prefixed so no entry key can ever equal the check's AAD.
const CHECK_AAD = 'check';
const entryAad = (key: string): string => `entry:${key}`;
export const MIN_NEW_PASSPHRASE_LENGTH = 8;

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

const vaultFileSchema = z.object({
  format: z.literal(FORMAT, `expected "${FORMAT}" (a passphrase vault); the OS keychain store writes a different format`),
  kdf: z.object({
    name: z.literal('scrypt'),
    // Bounded so a tampered file cannot make unlock allocate gigabytes.
    N: z.number().int().min(16_384).max(1_048_576).refine(isPowerOfTwo, 'N must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.base64().refine((s) => Buffer.from(s, 'base64').length >= 16, 'the salt must be at least 16 bytes'),
  }),
  check: z.string(),
  entries: z.record(z.string(), z.string()),
});
type VaultFile = z.infer<typeof vaultFileSchema>;

export interface PassphraseVaultOptions {
  /** Receives the passphrase and every secret value read or written, e.g. SecretRedactor.add. */
  onSecret?: (value: string) => void;
}

const lockedError = (): AppError => new AppError('vault-locked', 'The secret vault is locked.', 'Unlock the vault with its passphrase first.');

/**
 * Secrets encrypted with a key derived from the user's passphrase (scrypt + AES-256-GCM), for plain
 * Node and browser mode. Create it with `PassphraseVault.open`; the first `unlock` creates the file.
 * The key stays in memory only while unlocked. Writes run one at a time and replace the file atomically (mode 0600).
 */
export class PassphraseVault implements SecretStore {
  private key: Buffer | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private data: VaultFile | undefined,
    private readonly onSecret: (value: string) => void,
  ) {}

  /** Reads the vault file if it exists. Throws AppError('corrupt-config') for a bad file, which is then never overwritten. */
  static async open(file: string, options: PassphraseVaultOptions = {}): Promise<PassphraseVault> {
    const data = await readJsonFile(file, vaultFileSchema, 'The secret vault');
    return new PassphraseVault(file, data, options.onSecret ?? (() => undefined));
  }

  status(): VaultStatus {
    const state = !this.data ? 'uninitialised' : this.key ? 'unlocked' : 'locked';
    return { kind: 'passphrase', state };
  }

  /** Creates the vault when there is none yet, otherwise checks the passphrase against the stored check value. */
  unlock(passphrase: string): Promise<VaultStatus> {
    return this.serial(async () => {
      if (passphrase.length === 0) throw new AppError('validation', 'Enter the vault passphrase.');
      this.onSecret(passphrase);
      const onDisk = await readJsonFile(this.file, vaultFileSchema, 'The secret vault');
      if (onDisk) await this.openExisting(onDisk, passphrase);
      else await this.create(passphrase);
      return this.status();
    });
  }

  /** Forgets the key; the file stays as it is. */
  lock(): void {
    this.key?.fill(0);
    this.key = undefined;
  }

  async get(key: string): Promise<string | undefined> {
    const { vaultKey, data } = this.unlocked();
    if (!Object.hasOwn(data.entries, key)) return undefined;
    const result = decryptTagged(vaultKey, data.entries[key], entryAad(key));
    if (!result.ok) {
      const why = result.reason === 'unknown-format' ? 'it uses a format this version does not know' : 'the vault file was changed or damaged';
      throw new AppError('corrupt-config', `The stored secret "${key}" cannot be decrypted: ${why}.`, 'Enter the secret again in the endpoint settings to replace it.');
    }
    this.onSecret(result.value);
    return result.value;
  }

  set(key: string, value: string): Promise<void> {
    this.onSecret(value);
    return this.serial(async () => {
      const { vaultKey, data } = this.unlocked();
      await this.save({ ...data, entries: { ...data.entries, [key]: encryptTagged(vaultKey, value, entryAad(key)) } });
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
      const { data } = this.unlocked();
      const kept = Object.entries(data.entries).filter(([k]) => !matches(k));
      if (kept.length === Object.keys(data.entries).length) return;
      await this.save({ ...data, entries: Object.fromEntries(kept) });
    });
  }

  private async openExisting(onDisk: VaultFile, passphrase: string): Promise<void> {
    const { N, r, p, salt } = onDisk.kdf;
    const candidate = await deriveVaultKey(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
    const check = decryptTagged(candidate, onDisk.check, CHECK_AAD);
    if (!check.ok || check.value !== CHECK_PLAINTEXT) {
      candidate.fill(0);
      throw new AppError('vault-wrong-passphrase', 'That passphrase does not open the vault.', 'Check the passphrase and try again; it is case-sensitive.');
    }
    this.lock();
    this.data = onDisk;
    this.key = candidate;
  }

  private async create(passphrase: string): Promise<void> {
    if (passphrase.length < MIN_NEW_PASSPHRASE_LENGTH) {
      throw new AppError('validation', `Choose a passphrase of at least ${MIN_NEW_PASSPHRASE_LENGTH} characters.`, 'A longer passphrase is harder to guess; a few unrelated words work well.');
    }
    const salt = randomBytes(16);
    const key = await deriveVaultKey(passphrase, salt, defaultScryptParams);
    const data: VaultFile = {
      format: FORMAT,
      kdf: { name: 'scrypt', ...defaultScryptParams, salt: salt.toString('base64') },
      check: encryptTagged(key, CHECK_PLAINTEXT, CHECK_AAD),
      entries: {},
    };
    await this.save(data);
    this.lock();
    this.key = key;
  }

  private unlocked(): { vaultKey: Buffer; data: VaultFile } {
    if (!this.key || !this.data) throw lockedError();
    return { vaultKey: this.key, data: this.data };
  }

  private async save(next: VaultFile): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n', { mode: 0o600 });
    this.data = next;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
