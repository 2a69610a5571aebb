import type { Job, JobKind } from './domain';

const jobKindLabels: Record<JobKind, string> = {
  create: 'Back up',
  restore: 'Restore',
  delete: 'Delete',
  'backup-asset': 'Back up asset',
  'import-record': 'Import backup record',
  download: 'Download',
  upload: 'Upload',
  'factory-reset': 'Factory reset',
};

/** "Restore 3", "Upload": how the jobs panel and the quit warning name a job. */
export function jobTitle(job: Pick<Job, 'kind' | 'backupId'>): string {
  const label = jobKindLabels[job.kind];
  return job.backupId ? `${label} ${job.backupId}` : label;
}
