/** Why the endpoint says the backup failed, before anything else in the pane. */
export function FailureCallout({ reason }: { reason: string }) {
  return (
    <div
      role="note"
      data-testid="backup-fail-reason"
      className="mb-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
    >
      <p className="font-semibold">The endpoint reports a failure</p>
      <p className="mt-0.5 break-words whitespace-pre-wrap">{reason}</p>
    </div>
  );
}
