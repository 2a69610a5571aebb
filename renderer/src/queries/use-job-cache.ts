import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Job } from '../../../shared/domain';
import { upsertJob } from './jobs-cache';
import { queryKeys } from './keys';

/** Puts a job a call just returned into the jobs list, so its progress bar shows before the first event. */
export function useRecordJob(): (job: Job) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (job: Job) => {
      const jobs = queryClient.getQueryData<Job[]>(queryKeys.jobs.list());
      if (jobs) queryClient.setQueryData(queryKeys.jobs.list(), upsertJob(jobs, job));
      else void queryClient.invalidateQueries({ queryKey: queryKeys.jobs.list() });
    },
    [queryClient],
  );
}
