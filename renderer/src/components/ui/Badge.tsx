import type { ReactNode } from 'react';
import type { Tone } from '../../lib/labels';

const tones: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600',
  info: 'bg-blue-50 text-blue-800 ring-blue-200 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-800',
  success: 'bg-green-50 text-green-800 ring-green-200 dark:bg-green-950 dark:text-green-200 dark:ring-green-800',
  warning: 'bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700',
  danger: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-800',
};

const dots: Record<Tone, string> = {
  neutral: 'bg-slate-500',
  info: 'bg-blue-600 dark:bg-blue-400',
  success: 'bg-green-600 dark:bg-green-400',
  warning: 'bg-amber-500 dark:bg-amber-400',
  danger: 'bg-red-600 dark:bg-red-400',
};

export function Badge({ tone, children, testId, title }: { tone: Tone; children: ReactNode; testId?: string; title?: string }) {
  return (
    <span
      data-testid={testId}
      title={title}
      className={`inline-flex max-w-full items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}
    >
      <span className={`size-1.5 shrink-0 rounded-full ${dots[tone]}`} aria-hidden="true" />
      <span className="truncate">{children}</span>
    </span>
  );
}
