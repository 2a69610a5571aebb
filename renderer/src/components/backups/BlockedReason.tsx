/**
 * Why a dialog's main button is not available yet, on its own row of the footer right above the
 * buttons (the button points here with aria-describedby): a disabled button alone does not say what to do.
 */
export function BlockedReason({ id, reason, testId }: { id: string; reason: string | undefined; testId?: string }) {
  if (!reason) return null;
  return (
    <p id={id} data-testid={testId} className="basis-full text-right text-xs text-slate-700 dark:text-slate-300">
      {reason}
    </p>
  );
}
