/** Placeholder rows while a list loads; hidden from assistive tech (the container says "Loading"). */
export function SkeletonRows({ rows = 6 }: { rows?: number }) {
  return (
    <div className="space-y-2 p-3" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-8 animate-pulse rounded bg-slate-200 dark:bg-slate-800" style={{ opacity: 1 - i * 0.12 }} />
      ))}
    </div>
  );
}
