import type { DiscoveryOptions } from './discovery';

export interface PiecesSettings {
  /** How often /status is polled; the progress WebSocket, when open, reports sooner. */
  pollIntervalMs: number;
  /** Off = polling only (tests use it to prove the fallback). */
  useProgressStream: boolean;
  /** How long to wait for the stream's first frame (the state before our POST) before starting. */
  firstFrameWaitMs: number;
  /** After learning a new backup id from the stream alone, how long to give the POST to refuse. */
  streamIdGraceMs: number;
  /** After Pieces OS refused a cancel, how long to follow the operation before asking again (bounded attempts). */
  cancelRetryMs: number;
  /** Re-attaching after a restart: how long to wait for an unreachable Pieces OS before giving up (interrupted). */
  reattachWaitMs: number;
  /** First pause between those attempts; it doubles up to 10 s. */
  reattachRetryMs: number;
  discovery: DiscoveryOptions;
}

export const defaultPiecesSettings: PiecesSettings = {
  pollIntervalMs: 500,
  useProgressStream: true,
  firstFrameWaitMs: 300,
  streamIdGraceMs: 250,
  cancelRetryMs: 5_000,
  reattachWaitMs: 120_000,
  reattachRetryMs: 1_000,
  discovery: {},
};

export function remoteRefFor(phase: 'creation' | 'restoration', backupId: string): string {
  return `${phase}/${backupId}`;
}

export function parseRemoteRef(ref: string | undefined): { phase: 'creation' | 'restoration'; backupId: string } | undefined {
  const match = ref ? /^(creation|restoration)\/(.+)$/.exec(ref) : null;
  return match ? { phase: match[1] as 'creation' | 'restoration', backupId: match[2] } : undefined;
}
