import { presentedFingerprintIn } from '../../lib/certificate-facts';
import { fingerprintGroups } from '../../lib/digest-display';
import { Button } from '../ui/Button';

export interface CertificateChangedWarningProps {
  /** The core's message: where, and both fingerprints. */
  message: string;
  /** The fingerprint the operator accepted, when known: the two are then shown one above the other. */
  accepted?: string;
  onReview?(): void;
  testId?: string;
}

/**
 * The device now presents another certificate than the one the operator accepted, and Backup
 * Console refused to connect. Innocent causes and the dangerous one look the same from here, so
 * the warning names both and sends the operator to the device's console before anything else.
 */
export function CertificateChangedWarning({ message, accepted, onReview, testId = 'certificate-changed-warning' }: CertificateChangedWarningProps) {
  const presented = accepted ? presentedFingerprintIn(message, accepted) : undefined;
  return (
    <div
      role="alert"
      data-testid={testId}
      className="flex flex-wrap items-start gap-x-4 gap-y-2 rounded-md border-2 border-red-600 bg-red-50 px-3 py-2.5 text-sm text-red-950 dark:border-red-500 dark:bg-red-950/70 dark:text-red-50"
    >
      <svg className="mt-0.5 size-4 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
        <path d="M10 1.5 1 17.5h18L10 1.5Zm-.9 5.5h1.8v5.5H9.1V7Zm0 7h1.8v1.8H9.1V14Z" />
      </svg>
      <div className="min-w-0 flex-1 basis-96 space-y-1">
        <p className="font-semibold">The device presents a different certificate; Backup Console did not connect</p>
        {accepted && presented ? (
          <dl data-testid="certificate-changed-message" data-accepted={accepted} data-presented={presented} title={message} className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-xs">
            <dt className="font-medium">Accepted</dt>
            <GroupedFingerprint fingerprint={accepted} />
            <dt className="mt-1 font-medium">Presented now</dt>
            <GroupedFingerprint fingerprint={presented} className="mt-1" />
          </dl>
        ) : (
          <p data-testid="certificate-changed-message" className="break-words">
            {message}
          </p>
        )}
        <p className="text-xs break-words">
          A factory reset or a certificate renewal on the device does this, and so would someone intercepting the connection.
          Compare the new fingerprint with the one on the device&apos;s own console before you accept it.
        </p>
      </div>
      {onReview && (
        <Button size="sm" data-testid="certificate-review-open" onClick={onReview}>
          Review the new certificate…
        </Button>
      )}
    </div>
  );
}

/** Four groups to a line, so each fingerprint takes two short lines that line up with the other's. */
function GroupedFingerprint({ fingerprint, className = '' }: { fingerprint: string; className?: string }) {
  const groups = fingerprintGroups(fingerprint);
  return (
    <dd className={`font-mono whitespace-pre-wrap ${className}`}>
      <span className="block">{groups.slice(0, 4).join('  ')}</span>
      <span className="block">{groups.slice(4).join('  ')}</span>
    </dd>
  );
}
