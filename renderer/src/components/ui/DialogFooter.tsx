import type { ReactNode } from 'react';

/** Right-aligned action row at the bottom of a dialog body; the safe action comes first. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex flex-wrap items-center justify-end gap-2">{children}</div>;
}
