import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import type { CertificateInfo } from '../../../../shared/contract';
import { useClient } from '../../hooks/use-client';
import { useNow } from '../../hooks/use-now';
import { certificateValidity } from '../../lib/certificate-facts';
import { Button } from '../ui/Button';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Spinner } from '../ui/Spinner';
import { CertificateDetails } from './CertificateDetails';

export interface CertificateReviewPanelProps {
  url: string;
  /** The fingerprint accepted before, if any: the panel says whether the presented one is the same. */
  pinned?: string;
  trustLabel?: string;
  /** Saving the trust (the header's dialog saves at once; the form only changes its draft). */
  trusting?: boolean;
  trustError?: unknown;
  onTrust(cert: CertificateInfo): void;
  onClose(): void;
}

/**
 * Reads the certificate the URL presents (a handshake only, nothing is sent) and shows it with
 * the one instruction that matters: compare the fingerprint with the device's own console before
 * trusting it. Verification is never switched off; trusting adds exactly this certificate.
 */
export function CertificateReviewPanel({ url, pinned, trustLabel = 'Trust this certificate', trusting, trustError, onTrust, onClose }: CertificateReviewPanelProps) {
  const client = useClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const now = useNow(60_000);
  const inspect = useQuery({
    queryKey: ['backup-console', 'certificate-review', url],
    queryFn: () => client.call('endpoints.inspectCertificate', { url }),
    retry: false,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });

  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'nearest' });
    headingRef.current?.focus();
  }, []);

  const cert = inspect.data;
  const validity = cert ? certificateValidity(cert, now) : 'unknown';
  const unusable = validity === 'expired' || validity === 'not-yet-valid';

  return (
    <section
      data-testid="certificate-review"
      aria-labelledby={headingId}
      className="space-y-3 rounded-md border border-slate-300 bg-white p-3 text-sm dark:border-slate-600 dark:bg-slate-900"
    >
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
        Certificate presented by {cert?.address ?? url}
      </h3>
      {inspect.isPending ? (
        <p role="status" className="flex items-center gap-2 text-slate-600 dark:text-slate-400">
          <Spinner /> Reading the certificate…
        </p>
      ) : inspect.isError ? (
        <ErrorMessage title="Could not read the certificate" error={inspect.error} onRetry={() => void inspect.refetch()} retrying={inspect.isFetching} />
      ) : (
        cert && (
          <>
            <CertificateDetails cert={cert} pinned={pinned} />
            <div
              data-testid="certificate-compare-note"
              className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
            >
              <p className="font-semibold">Compare before you trust it</p>
              <p className="mt-0.5">
                Open the device&apos;s own console (its local screen, serial console or admin shell) and compare its SHA-256
                certificate fingerprint with the one above, group by group. Trust it only if every group matches: a
                different fingerprint means you are not talking to your device.
              </p>
            </div>
            {unusable && (
              <p data-testid="certificate-unusable" className="font-medium text-red-700 dark:text-red-300">
                This certificate is {validity === 'expired' ? 'expired' : 'not valid yet'}, and connections are refused even when it is
                trusted. Renew it on the device (or check the clocks), then review it again.
              </p>
            )}
          </>
        )
      )}
      {trustError != null && <ErrorMessage title="Not trusted" error={trustError} />}
      <div className="flex flex-wrap justify-end gap-2">
        <Button size="sm" onClick={onClose}>
          Close
        </Button>
        {cert && (
          <Button size="sm" onClick={() => void inspect.refetch()} disabled={inspect.isFetching}>
            {inspect.isFetching ? 'Checking…' : 'Check again'}
          </Button>
        )}
        {cert && (
          <Button size="sm" variant="primary" data-testid="certificate-trust" disabled={unusable || trusting || inspect.isFetching} onClick={() => onTrust(cert)}>
            {trusting ? 'Saving…' : trustLabel}
          </Button>
        )}
      </div>
    </section>
  );
}
