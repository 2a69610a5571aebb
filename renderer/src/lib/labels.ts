import type { Backup, JobState } from '../../../shared/domain';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export { jobTitle } from '../../../shared/job-title';

export const jobStateLabels: Record<JobState, string> = {
  queued: 'Queued',
  running: 'Running',
  cancelling: 'Cancelling…',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

export const jobStateTones: Record<JobState, Tone> = {
  queued: 'neutral',
  running: 'info',
  cancelling: 'warning',
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'neutral',
  interrupted: 'warning',
};

export const backupStateTones: Record<Backup['state'], Tone> = {
  available: 'success',
  creating: 'info',
  restoring: 'info',
  deleting: 'warning',
  error: 'danger',
  unknown: 'neutral',
};

export const backupStateLabels: Record<Backup['state'], string> = {
  available: 'Available',
  creating: 'Creating',
  restoring: 'Restoring',
  deleting: 'Deleting',
  error: 'Error',
  unknown: 'Unknown',
};
