import { useMemo, type Ref } from 'react';
import { certificateSubject } from '../../lib/certificate-subject';
import { Button } from '../ui/Button';
import { CertificateFingerprint } from './CertificateFingerprint';

export interface CertificateTrustSummaryProps {
  caPem: string;
  fingerprint256: string;
  /** Absent for http URLs, which have no certificate to look at. */
  onReview?(): void;
  onForget(): void;
  headingRef?: Ref<HTMLParagraphElement>;
}

/** What the endpoint trusts once a certificate was accepted: that certificate, pinned by its SHA-256. */
export function CertificateTrustSummary({ caPem, fingerprint256, onReview, onForget, headingRef }: CertificateTrustSummaryProps) {
  const subject = useMemo(() => certificateSubject(caPem), [caPem]);
  return (
    <div
      data-testid="certificate-trusted"
      className="space-y-2 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-950 dark:border-green-800 dark:bg-green-950/50 dark:text-green-50"
    >
      <p ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
        Trusted: accepted certificate
      </p>
      <CertificateFingerprint fingerprint={fingerprint256} testId="certificate-trusted-fingerprint" />
      {subject && (
        <p className="break-words">
          <span className="font-medium">Subject:</span> {subject}
        </p>
      )}
      <p className="text-xs">Only this exact certificate is accepted; if the device presents another one, Backup Console refuses to connect and says so.</p>
      <div className="flex flex-wrap gap-2">
        {onReview && (
          <Button size="sm" data-testid="certificate-review-start" onClick={onReview}>
            Review certificate…
          </Button>
        )}
        <Button size="sm" data-testid="certificate-forget" onClick={onForget}>
          Forget
        </Button>
      </div>
    </div>
  );
}
