export interface CinderTiming {
  /** First pause between polls of a running operation. */
  pollStartMs: number;
  /** Pauses grow by half each time up to this. */
  pollMaxMs: number;
  /** How long to wait for Cinder to confirm a cancel (backup gone, status reset) before saying it could not. */
  cancelConfirmMs: number;
  /** How long a follow loop tolerates Cinder (or Keystone, or a proxy) not answering before it says contact was lost. */
  outageToleranceMs: number;
}

export const defaultCinderTiming: CinderTiming = { pollStartMs: 1_000, pollMaxMs: 10_000, cancelConfirmMs: 120_000, outageToleranceMs: 300_000 };

/** The pause sequence of one follow loop. */
export function backoff(timing: CinderTiming): () => number {
  let next = timing.pollStartMs;
  return () => {
    const now = next;
    next = Math.min(timing.pollMaxMs, Math.round(next * 1.5));
    return now;
  };
}

export { pause } from '../pause';

/** "45 s", "2 min". */
export function elapsedText(sinceMs: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - sinceMs) / 1000));
  return seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

export type RemoteRef =
  | { op: 'create'; backupId: string }
  | { op: 'restore'; backupId: string; volumeId: string }
  | { op: 'delete'; backupId: string }
  | { op: 'import'; backupId: string };

export function remoteRefFor(ref: RemoteRef): string {
  return ref.op === 'restore' ? `restore/${ref.backupId}/${ref.volumeId}` : `${ref.op}/${ref.backupId}`;
}

export function parseRemoteRef(text: string | undefined): RemoteRef | undefined {
  const match = text ? /^(create|restore|delete|import)\/([^/]+)(?:\/([^/]+))?$/.exec(text) : null;
  if (!match) return undefined;
  const [, op, backupId, volumeId] = match;
  if (op === 'restore') return volumeId ? { op, backupId: backupId!, volumeId } : undefined;
  return { op: op as 'create' | 'delete' | 'import', backupId: backupId! };
}
