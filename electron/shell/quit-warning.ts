import type { Job, JobKind } from '../../shared/domain';
import { jobTitle } from '../../shared/job-title';

const goesOn = 'if the endpoint has it already, it goes on there (quitting does not stop it); at the next start Backup Console checks on it where the endpoint can tell';

/** What quitting the app does to a job of each kind, in the operator's words. */
const afterQuit: Record<JobKind, string> = {
  download: 'stops, and its partial file is removed; the backup stays on the endpoint',
  upload: 'stops; the endpoint may keep an incomplete backup, so check its list and delete any upload that is not completed',
  create: `${goesOn}; if it was also to be downloaded, that download does not happen`,
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
  return `• ${jobTitle(job)} on ${job.endpointName} (${job.stage}${percent}): ${afterQuit[job.kind]}.`;
}

/** The question asked before quitting while jobs run; undefined when nothing runs. */
export function quitWarning(activeJobs: readonly Job[]): QuitWarning | undefined {
  if (activeJobs.length === 0) return undefined;
  const count = activeJobs.length === 1 ? 'An operation is' : `${activeJobs.length} operations are`;
  return { message: `${count} still running. Quit Backup Console anyway?`, detail: activeJobs.map(line).join('\n') };
}
