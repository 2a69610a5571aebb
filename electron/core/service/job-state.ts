import type { JobState } from '../../../shared/domain';

export const isActive = (state: JobState): boolean => state === 'queued' || state === 'running' || state === 'cancelling';
