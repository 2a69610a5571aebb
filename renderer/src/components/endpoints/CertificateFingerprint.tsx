import { fingerprintGroups, normaliseFingerprint } from '../../lib/digest-display';
import { CopyButton } from '../jobs/CopyButton';

/**
 * A SHA-256 fingerprint in eight numbered groups of four bytes, monospace, so it can be compared
 * with the device's console (or read aloud) one group at a time. The copy button takes it whole.
 */
export function CertificateFingerprint({ fingerprint, testId }: { fingerprint: string; testId?: string }) {
  const full = normaliseFingerprint(fingerprint);
  const groups = fingerprintGroups(full);
  return (
    // Four groups to a row where they fit, two where they do not (a container query, not the window's width).
    <div className="@container flex flex-wrap items-start gap-2">
      <ol
        data-testid={testId}
        data-fingerprint={full}
        aria-label={`SHA-256 fingerprint ${full}`}
        className="grid grid-cols-2 gap-x-4 gap-y-0.5 rounded-md bg-slate-100 px-2.5 py-1.5 font-mono text-[13px] leading-5 text-slate-900 @min-[36rem]:grid-cols-4 dark:bg-slate-800 dark:text-slate-100"
      >
        {groups.map((group, index) => (
          <li key={index} className="flex gap-1.5 whitespace-nowrap">
            <span aria-hidden="true" className="text-[11px] text-slate-500 select-none dark:text-slate-400">
              {index + 1}
            </span>
            <span>{group}</span>
          </li>
        ))}
      </ol>
      <CopyButton value={full} label="Copy the SHA-256 fingerprint" />
    </div>
  );
}
