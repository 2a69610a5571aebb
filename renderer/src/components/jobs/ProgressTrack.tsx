import type { ReactNode } from 'react';
import type { Job } from '../../../../shared/domain';
import { jobTitle } from '../../lib/labels';

interface ProgressTrackProps {
  job: Job;
  /** Whole percent, or undefined for an indeterminate bar. */
  valueNow: number | undefined;
  valueText: string;
  className: string;
  children: ReactNode;
}

/** The accessible track every job bar draws its fill in. */
export function ProgressTrack({ job, valueNow, valueText, className, children }: ProgressTrackProps) {
  return (
    <div
      role="progressbar"
      data-testid="job-progress"
      aria-label={`${jobTitle(job)} on ${job.endpointName}`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={valueNow}
      aria-valuetext={valueText}
      className={`overflow-hidden rounded-full ${className}`}
    >
      {children}
    </div>
  );
}
