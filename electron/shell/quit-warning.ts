import type { Job, JobKind } from '../../shared/domain';
import { jobTitle } from '../../shared/job-title';

const goesOn = 'goes on at the endpoint (quitting does not stop it); Backup Console looks for its outcome at the next start';

/** What quitting the app does to a job of each kind, in the operator's words. */
const afterQuit: Record<JobKind, string> = {
  download: 'stops; the backup stays on the endpoint, and the partial file is removed at the next start',
  upload: 'stops; the endpoint discards the unfinished file (check its backup list after the next start)',
  create: goesOn,
  restore: goesOn,
  delete: goesOn,
  'factory-reset': goesOn,
  'backup-asset': goesOn,
  'import-record': goesOn,
};

export interface QuitWarning {
  message: string;
  detail: string;
}

function line(job: Job): string {
  const percent = job.progress.fraction !== undefined ? `, ${Math.floor(job.progress.fraction * 100)} %` : '';
  let consequence = afterQuit[job.kind];
  // A backup that is also being downloaded: the endpoint keeps making it, the transfer to this computer stops.
  if (job.kind === 'create' && job.progress.bytesDone !== undefined) consequence = `${goesOn}; its download stops, and the partial file is removed at the next start`;
  return `• ${jobTitle(job)} on ${job.endpointName} (${job.stage}${percent}): ${consequence}.`;
}

/** The question asked before quitting while jobs run; undefined when nothing runs. */
export function quitWarning(activeJobs: readonly Job[]): QuitWarning | undefined {
  if (activeJobs.length === 0) return undefined;
  const count = activeJobs.length === 1 ? 'An operation is' : `${activeJobs.length} operations are`;
  return { message: `${count} still running. Quit Backup Console anyway?`, detail: activeJobs.map(line).join('\n') };
}
