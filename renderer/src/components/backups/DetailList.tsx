import type { ReactNode } from 'react';

export interface DetailItem {
  label: string;
  value: ReactNode;
  mono?: boolean;
  /** Shown on hover over the label, e.g. the wire field name behind a readable label. */
  labelTitle?: string;
  /** Long or multi-line text: the value goes under its label and keeps its line breaks. */
  long?: boolean;
}

/** `stacked` puts each label above its value: for wire field names, which can be long. */
export function DetailList({ items, stacked = false, testId }: { items: readonly DetailItem[]; stacked?: boolean; testId?: string }) {
  return (
    <dl data-testid={testId} className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
      {items.map((item) => {
        const below = stacked || item.long;
        return (
          <div key={item.label} className={below ? 'py-1.5' : 'grid grid-cols-[6.5rem_1fr] gap-2 py-1.5'}>
            <dt title={item.labelTitle} className={`break-words text-slate-600 dark:text-slate-400 ${stacked && !item.labelTitle ? 'font-mono text-xs' : ''}`}>
              {item.label}
            </dt>
            <dd className={`min-w-0 break-words ${item.long ? 'whitespace-pre-wrap' : ''} ${item.mono ? 'font-mono text-xs leading-5' : ''}`}>{item.value}</dd>
          </div>
        );
      })}
    </dl>
  );
}
