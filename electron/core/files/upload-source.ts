import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { AppError } from '../../../shared/errors';
import type { UploadSource } from '../../providers/provider';
import { fileSystemError } from './file-system-errors';
import { hiddenPart, inside } from './save-destination';

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

/** Why a file cannot be an appliance backup (appliances produce and accept gzip archives, `.tgz`); empty when it can. */
export function uploadProblems(sizeBytes: number, firstBytes: Uint8Array | undefined): string[] {
  if (sizeBytes === 0) return ['The file is empty, so it cannot be a backup. Pick the .tgz file the appliance produced.'];
  if (firstBytes && !GZIP_MAGIC.equals(Buffer.from(firstBytes.subarray(0, 2)))) {
    return [`The file does not start like a gzip archive (its first bytes are ${hex(firstBytes.subarray(0, 2))}, not 1f 8b). Appliance backups are .tgz files: pick the file downloaded from the appliance.`];
  }
  return [];
}

/** An upload in progress: the SHA-256 of exactly the bytes read, once they all were. */
export interface GuardedUpload extends UploadSource {
  sha256(): string | undefined;
}

/**
 * Checks the bytes as they stream: the gzip magic before anything is passed on, and that exactly
 * the announced number of bytes arrives (a file that changed, or a browser upload cut short, fails).
 */
function guard(name: string, sizeBytes: number, onDone: (sha256: string) => void): Transform {
  const hash = createHash('sha256');
  let seen = 0;
  let head = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > sizeBytes) return callback(new AppError('local-file', `${name} grew while it was being sent (more than ${sizeBytes} bytes); the upload stopped.`, 'Upload it again once nothing writes to it.'));
      hash.update(chunk);
      if (head.length < 2) {
        head = Buffer.concat([head, chunk]);
        if (head.length < 2 && seen < sizeBytes) return callback();
        const problem = uploadProblems(sizeBytes, head)[0];
        if (problem) return callback(new AppError('validation', problem));
        const pending = head;
        head = GZIP_MAGIC;
        return callback(null, pending);
      }
      callback(null, chunk);
    },
    flush(callback) {
      if (seen !== sizeBytes) return callback(new AppError('local-file', `Only ${seen} of the ${sizeBytes} bytes of ${name} arrived; the upload stopped.`, 'Upload it again.'));
      onDone(hash.digest('hex'));
      callback();
    },
  });
}

/** `closeWithUpload`: the source is a file this side opened, to be closed when the upload stops (a request body is the host's to answer). */
function guarded(name: string, sizeBytes: number, openRaw: () => Readable, closeWithUpload = false): GuardedUpload {
  let opened = false;
  let digest: string | undefined;
  return {
    name,
    sizeBytes,
    open() {
      if (opened) throw new AppError('internal', `${name} can be read once per upload.`);
      opened = true;
      const raw = openRaw();
      const checked = guard(name, sizeBytes, (sha) => (digest = sha));
      raw.on('error', (error) => checked.destroy(error));
      // A cancelled or failed upload destroys only what it reads from: the file must not stay open.
      if (closeWithUpload) checked.once('close', () => raw.destroy());
      return raw.pipe(checked);
    },
    sha256: () => digest,
  };
}

export interface UploadFileRules {
  /** The app's own data folder (secrets, endpoints): never uploaded. */
  dataDir: string;
}

/**
 * A file named by path (the desktop's drop or picker). The renderer's path is only a request:
 * main refuses hidden files and folders, its own data folder, anything but a regular file, and
 * anything that is not a non-empty gzip archive, before a byte leaves the computer.
 */
export async function openPathUpload(path: string, rules: UploadFileRules): Promise<GuardedUpload> {
  if (!isAbsolute(path)) throw new AppError('validation', `“${path}” is not a full path to a file.`, 'Drop the file again or pick it with the file chooser.');
  const real = await realpath(path).catch((error: unknown) => Promise.reject(fileSystemError(error, path)));
  const hidden = hiddenPart(real);
  if (hidden) throw new AppError('validation', `${path} is in a hidden file or folder (${hidden}); Backup Console does not upload from there.`, 'Copy the backup file to a visible folder such as Downloads first.');
  if (inside(real, await realpath(rules.dataDir).catch(() => rules.dataDir))) {
    throw new AppError('validation', `${path} is inside Backup Console's own data folder, which is never uploaded.`, 'Pick the backup file you downloaded.');
  }
  const info = await stat(real).catch((error: unknown) => Promise.reject(fileSystemError(error, path)));
  if (!info.isFile()) throw new AppError('validation', `${path} is not a regular file.`, 'Pick the .tgz backup file itself.');
  const problem = uploadProblems(info.size, await firstBytes(real))[0];
  if (problem) throw new AppError('validation', problem);
  return guarded(basename(path), info.size, () => createReadStream(real, { highWaterMark: 1024 * 1024 }), true);
}

export async function firstBytes(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r').catch((error: unknown) => Promise.reject(fileSystemError(error, path)));
  try {
    const buffer = Buffer.alloc(2);
    const { bytesRead } = await handle.read(buffer, 0, 2, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A file streamed in by browser mode (name and size from the browser, bytes from the request). */
export function streamedUpload(name: string, sizeBytes: number, body: Readable): GuardedUpload {
  return guarded(basename(name.replace(/\\/g, '/')) || 'upload.tgz', sizeBytes, () => body);
}

/**
 * Reads the first bytes of a stream without consuming them, so a browser upload is checked before
 * anything happens on the endpoint (a delete-oldest-first included). Returns the stream to read
 * from: the same one, or a replacement when it already ended.
 */
export function peekHead(body: Readable, want: number): Promise<{ head: Buffer; stream: Readable }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let have = 0;
    const cleanup = () => {
      body.off('readable', onReadable);
      body.off('end', onEnd);
      body.off('error', onError);
    };
    const finish = (ended: boolean) => {
      cleanup();
      const all = Buffer.concat(chunks);
      if (ended) return resolve({ head: all.subarray(0, want), stream: Readable.from(all.length ? [all] : []) });
      if (all.length) body.unshift(all);
      resolve({ head: all.subarray(0, want), stream: body });
    };
    function onReadable() {
      let chunk: Buffer | null;
      while (have < want && (chunk = body.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        have += chunk.length;
      }
      if (have >= want) finish(false);
    }
    const onEnd = () => finish(true);
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    body.on('readable', onReadable);
    body.once('end', onEnd);
    body.once('error', onError);
  });
}
