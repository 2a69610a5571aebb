import type { ConnectionTest } from '../../../../shared/domain';

/** Result of the last connection test: green ok, red failed, grey not tested (text for screen readers). */
export function HealthDot({ test, testing }: { test: ConnectionTest | undefined; testing?: boolean }) {
  const label = testing ? 'Testing connection' : test ? (test.ok ? `Reachable: ${test.message}` : `Unreachable: ${test.message}`) : 'Not tested yet';
  const colour = testing
    ? 'bg-blue-500 animate-pulse'
    : test
      ? test.ok
        ? 'bg-green-600 dark:bg-green-400'
        : 'bg-red-600 dark:bg-red-400'
      : 'bg-slate-400 dark:bg-slate-500';
  return (
    <span className="inline-flex items-center" title={label}>
      <span className={`size-2.5 rounded-full ring-2 ring-white dark:ring-slate-900 ${colour}`} aria-hidden="true" />
      <span className="sr-only">{label}</span>
    </span>
  );
}
