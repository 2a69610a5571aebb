/**
 * What a job persists so a restarted app can pick it up again (`OperationContext.setRemoteRef`):
 * - `create/<startedAtMs>/<id>`: keep polling the backup until completed or failed.
 * - `restore/<lastRestoreTimeBefore>/<startedAtMs>/<id>`: keep polling restore_status until it reports
 *   an end with a `last_restore_time` newer than the one read before the restore was sent.
 * Ids are URL-encoded; times are integers (appliance epoch seconds, this computer's milliseconds).
 */
export type RemoteRef =
  | { op: 'create'; backupId: string; startedAtMs: number }
  | { op: 'restore'; backupId: string; lastRestoreTimeBefore: number; startedAtMs: number };

export function remoteRefFor(ref: RemoteRef): string {
  const id = encodeURIComponent(ref.backupId);
  return ref.op === 'create' ? `create/${ref.startedAtMs}/${id}` : `restore/${ref.lastRestoreTimeBefore}/${ref.startedAtMs}/${id}`;
}

export function parseRemoteRef(text: string | undefined): RemoteRef | undefined {
  if (!text) return undefined;
  const create = /^create\/(\d+)\/([^/]+)$/.exec(text);
  if (create) return { op: 'create', startedAtMs: Number(create[1]), backupId: safeDecode(create[2]!) };
  const restore = /^restore\/(\d+)\/(\d+)\/([^/]+)$/.exec(text);
  if (restore) return { op: 'restore', lastRestoreTimeBefore: Number(restore[1]), startedAtMs: Number(restore[2]), backupId: safeDecode(restore[3]!) };
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
