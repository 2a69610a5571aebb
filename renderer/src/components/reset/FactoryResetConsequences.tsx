/** What the reset does, one consequence per line, as the kind declares them (OPNsense-style enumeration). */
export function FactoryResetConsequences({ consequences, endpointName }: { consequences: readonly string[] | undefined; endpointName: string }) {
  const lines = consequences && consequences.length > 0 ? consequences : [`Everything on ${endpointName} is erased and it returns to its initial configuration.`];
  return (
    <section
      aria-labelledby="factory-reset-consequences-heading"
      data-testid="factory-reset-consequences"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950 dark:border-red-800 dark:bg-red-950/60 dark:text-red-50"
    >
      <h3 id="factory-reset-consequences-heading" className="font-semibold">
        What the reset does
      </h3>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {lines.map((line) => (
          <li key={line} data-testid="factory-reset-consequence" className="break-words">
            {line}
          </li>
        ))}
      </ul>
      <p className="mt-2 font-medium">It cannot be undone or cancelled once started.</p>
    </section>
  );
}
