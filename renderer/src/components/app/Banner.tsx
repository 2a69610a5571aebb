import type { ReactNode } from 'react';

const tones = {
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
  danger: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
} as const;

/** A full-width notice under the top bar. */
export function Banner({ tone, children, action, testId }: { tone: keyof typeof tones; children: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div role="status" data-testid={testId} className={`flex shrink-0 items-center gap-3 border-b px-4 py-2 text-sm ${tones[tone]}`}>
      <svg className="size-4 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
        <path d="M10 2 1 18h18L10 2Zm-.9 6h1.8v4.5H9.1V8Zm0 6h1.8v1.8H9.1V14Z" />
      </svg>
      <div className="min-w-0 flex-1">{children}</div>
      {action}
    </div>
  );
}
