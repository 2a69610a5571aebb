import { useState } from 'react';
import type { Job } from '../../../shared/domain';
import { jobTitle } from '../lib/labels';
import { crossedMilestone, progressPercent } from '../lib/progress';

interface Tracked {
  percent: number | undefined;
  stage: string;
  message: string;
}

/**
 * What the polite live region should say about a running job: 25/50/75/100 % milestones and
 * stage changes, nothing for every small step. Computed while rendering from the previous
 * values (React's "adjust state on prop change" pattern), so no effect is needed.
 */
export function useProgressAnnouncement(job: Job): string {
  const percent = progressPercent(job);
  const [tracked, setTracked] = useState<Tracked>({ percent, stage: job.stage, message: '' });
  if (tracked.percent !== percent || tracked.stage !== job.stage) {
    const milestone = crossedMilestone(tracked.percent, percent);
    let message = tracked.message;
    if (job.stage !== tracked.stage) message = `${jobTitle(job)}: ${job.stage}${percent !== undefined ? `, ${percent} percent` : ''}`;
    else if (milestone !== undefined) message = `${jobTitle(job)}: ${milestone} percent done`;
    setTracked({ percent, stage: job.stage, message });
  }
  return tracked.message;
}
