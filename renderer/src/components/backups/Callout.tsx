import type { ReactNode } from 'react';

const tones = {
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100',
  neutral: 'border-slate-200 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-200',
} as const;

export function Callout({ tone, title, children }: { tone: keyof typeof tones; title: string; children: ReactNode }) {
  return (
    <div className={`rounded-md border p-3 ${tones[tone]}`}>
      <p className="font-semibold">{title}</p>
      <p className="mt-0.5 break-words">{children}</p>
    </div>
  );
}
