import type { ReactNode } from 'react';

/**
 * Right-aligned action row at the bottom of a dialog body; the safe action comes first. It sticks
 * to the bottom of the scrolling body, so the actions stay in reach on short windows; `-bottom-4`
 * undoes the body's bottom padding, which would otherwise leave a strip of content showing below it.
 */
export function DialogFooter({ children }: { children: ReactNode }) {
  return (
    <div className="sticky -bottom-4 -mx-5 -mb-4 mt-5 flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 bg-white px-5 py-3 dark:border-slate-700 dark:bg-slate-900">
      {children}
    </div>
  );
}
