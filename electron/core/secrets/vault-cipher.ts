import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

/** scrypt cost as stored in the vault file. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const defaultScryptParams: ScryptParams = { N: 32_768, r: 8, p: 1 };

/**
 * Derives the 32-byte vault key. The passphrase is NFC-normalised so the same characters typed on
 * different systems give the same key.
 */
export function deriveVaultKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is exactly scrypt's need at N=32768, r=8, which it rejects.
  const maxmem = 256 * params.N * params.r;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

const PREFIX = 'v1:aes-256-gcm:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** `v1:aes-256-gcm:<iv>:<tag>:<ciphertext>`, all base64. The `aad` binds the ciphertext to where it is stored. */
export function encryptTagged(key: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${ciphertext.toString('base64')}`;
}

export type DecryptResult =
  | { ok: true; value: string }
  /** unknown-format: another tag (a newer version); malformed: not a well-formed v1 value; authentication: wrong key, wrong place or altered. */
  | { ok: false; reason: 'unknown-format' | 'malformed' | 'authentication' };

export function decryptTagged(key: Buffer, tagged: string, aad: string): DecryptResult {
  if (!tagged.startsWith(PREFIX)) return { ok: false, reason: 'unknown-format' };
  const parts = tagged.slice(PREFIX.length).split(':');
  if (parts.length !== 3 || !parts.every((part) => base64.test(part))) return { ok: false, reason: 'malformed' };
  const [iv, tag, ciphertext] = parts.map((part) => Buffer.from(part, 'base64'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return { ok: false, reason: 'malformed' };
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    return { ok: true, value: plaintext.toString('utf8') };
  } catch {
    return { ok: false, reason: 'authentication' };
  }
}
