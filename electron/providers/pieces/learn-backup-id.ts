import type { ProgressStream } from './progress-stream';
import { settlesWithin } from './timing';
import type { TrackedRequest } from './tracked-request';
import type { WireBackup } from './wire-schemas';

export interface LearnIdOptions {
  request: TrackedRequest<WireBackup>;
  /** Only given when its first frame (what ran before our POST) arrived; see `before`. */
  stream: ProgressStream | null;
  /** Creations already on the stream before our POST: not ours. */
  before: ReadonlySet<string>;
  /** After an id seen only on the stream, how long to give the POST to refuse. */
  graceMs: number;
  signal: AbortSignal;
  /** Called once if the user cancels while the id is still unknown (the cancel cannot be sent yet). */
  onCancelWhileUnknown(): void;
}

export interface LearntId {
  id: string;
  /** The user cancelled before Pieces OS named the backup. */
  afterCancel: boolean;
}

type First = { from: 'request' } | { from: 'stream'; id: string } | { from: 'cancel' };

/**
 * The id of the backup our POST started: from the POST's answer, or (when the POST only answers at
 * the end) from the first creation on the progress stream that was not there before the POST.
 */
export async function learnCreatedBackupId(o: LearnIdOptions): Promise<LearntId> {
  let unsubscribe: (() => void) | undefined;
  let onAbort: (() => void) | undefined;
  const fromRequest = o.request.settled.then((): First => ({ from: 'request' }));
  const fromStream = new Promise<First>((resolve) => {
    unsubscribe = o.stream?.onFrame((frame) => {
      const fresh = frame.backups?.find((entry) => entry.backup && !o.before.has(entry.backup.id));
      if (fresh?.backup) resolve({ from: 'stream', id: fresh.backup.id });
    });
  });
  const fromCancel = new Promise<First>((resolve) => {
    onAbort = () => resolve({ from: 'cancel' });
    if (o.signal.aborted) onAbort();
    else o.signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    let first = await Promise.race([fromRequest, fromStream, fromCancel]);
    const afterCancel = first.from === 'cancel';
    if (first.from === 'cancel') {
      o.onCancelWhileUnknown();
      first = await Promise.race([fromRequest, fromStream]);
    }
    if (first.from === 'stream') {
      // Someone else's backup may have started just before ours; a refused POST says so quickly.
      await settlesWithin(o.request.settled, o.graceMs);
      if (o.request.state !== 'rejected') return { id: o.request.value?.id ?? first.id, afterCancel };
    }
    if (o.request.state === 'rejected') throw o.request.error;
    return { id: o.request.value!.id, afterCancel };
  } finally {
    unsubscribe?.();
    if (onAbort) o.signal.removeEventListener('abort', onAbort);
  }
}
