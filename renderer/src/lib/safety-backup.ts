import type { Job, SavedFile } from '../../../shared/domain';

export type SavedDownloadJob = Job & { savedFile: SavedFile };

/** Jobs that write a backup file on this computer: a download, or a backup created with "save it here". */
const savingKinds: ReadonlySet<Job['kind']> = new Set(['download', 'create']);

function finishedAt(job: Job): number {
  return Date.parse(job.finishedAt ?? job.updatedAt);
}

/** The newest backup file this app saved from the endpoint, as far as the jobs it remembers tell. */
export function latestSavedDownload(jobs: readonly Job[] | undefined, endpointId: string): SavedDownloadJob | undefined {
  let latest: SavedDownloadJob | undefined;
  for (const job of jobs ?? []) {
    if (job.endpointId !== endpointId || job.state !== 'succeeded' || !savingKinds.has(job.kind) || !job.savedFile) continue;
    const candidate = job as SavedDownloadJob;
    if (!latest || finishedAt(candidate) > finishedAt(latest)) latest = candidate;
  }
  return latest;
}

/** A safety copy older than this is worth replacing before wiping a device. */
export const recentSaveWindowMs = 24 * 60 * 60 * 1000;

export function isRecent(iso: string | undefined, nowMs: number, windowMs = recentSaveWindowMs): boolean {
  if (!iso) return false;
  const at = Date.parse(iso);
  return !Number.isNaN(at) && nowMs - at <= windowMs;
}
