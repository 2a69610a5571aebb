/** What the import could not carry over as written (e.g. "verify: false ignored: paste the CA instead"). */
export function ImportWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="config-import-warnings"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <p className="font-semibold">{warnings.length === 1 ? 'One thing to check' : `${warnings.length} things to check`}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {warnings.map((warning, index) => (
          <li key={index} className="break-words">
            {warning}
          </li>
        ))}
      </ul>
    </div>
  );
}
