import type { ReactNode } from 'react';

export interface DetailItem {
  label: string;
  value: ReactNode;
  mono?: boolean;
}

/** `stacked` puts each label above its value: for wire field names, which can be long. */
export function DetailList({ items, stacked = false }: { items: readonly DetailItem[]; stacked?: boolean }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
      {items.map((item) => (
        <div key={item.label} className={stacked ? 'py-1.5' : 'grid grid-cols-[6.5rem_1fr] gap-2 py-1.5'}>
          <dt className={`break-words text-slate-600 dark:text-slate-400 ${stacked ? 'font-mono text-xs' : ''}`}>{item.label}</dt>
          <dd className={`min-w-0 break-words ${item.mono ? 'font-mono text-xs leading-5' : ''}`}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
