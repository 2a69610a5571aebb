import { useId, useRef, useState } from 'react';
import type { CertificateInfo } from '../../../../shared/contract';
import { isHttpsUrl } from '../../lib/certificate-facts';
import { acceptedCertificateFields, trustState, type DraftErrors } from '../../lib/endpoint-draft';
import { Button } from '../ui/Button';
import { FieldNote, inputClass, TextField } from '../ui/TextField';
import { CertificateReviewPanel } from './CertificateReviewPanel';
import { CertificateTrustSummary } from './CertificateTrustSummary';
import { useFormCertificateLink } from './use-endpoint-form-state';

type TlsField = 'caPem' | 'fingerprint256';

export interface TlsFieldsProps {
  caPem: string;
  fingerprint256: string;
  errors: DraftErrors;
  onChange(field: TlsField, value: string): void;
  onBlur(field: TlsField): void;
}

/**
 * Per-endpoint trust for self-signed servers. Verification is always on: the operator reviews the
 * certificate the URL presents and accepts it (its PEM is trusted and its SHA-256 pinned), or
 * pastes a private CA. Collapsed unless something is set or a review is under way.
 */
export function TlsFields({ caPem, fingerprint256, errors, onChange, onBlur }: TlsFieldsProps) {
  const url = useFormCertificateLink((link) => link.url);
  const reviewRequests = useFormCertificateLink((link) => link.reviewRequests);
  const [reviewing, setReviewing] = useState(false);
  // A failed connection test asks for a review through the link; each request (re)opens the panel.
  const [seenRequests, setSeenRequests] = useState(reviewRequests);
  if (reviewRequests !== seenRequests) {
    setSeenRequests(reviewRequests);
    setReviewing(true);
  }
  const trustedRef = useRef<HTMLParagraphElement>(null);
  const reviewButtonRef = useRef<HTMLButtonElement>(null);
  const caId = useId();

  const https = isHttpsUrl(url);
  const state = trustState({ caPem, fingerprint256 });
  const hasErrors = Boolean(errors.caPem || errors.fingerprint256);
  const showReview = reviewing && https;
  const manualOpen = state === 'ca' || state === 'pin-only' || hasErrors;

  function trust(cert: CertificateInfo) {
    const fields = acceptedCertificateFields(cert);
    onChange('caPem', fields.caPem);
    onChange('fingerprint256', fields.fingerprint256);
    setReviewing(false);
    requestAnimationFrame(() => trustedRef.current?.focus());
  }

  function forget() {
    onChange('caPem', '');
    onChange('fingerprint256', '');
    requestAnimationFrame(() => reviewButtonRef.current?.focus());
  }

  return (
    <details data-testid="tls-fields" open={state !== 'system' || hasErrors || showReview || undefined} className="rounded-md border border-slate-200 dark:border-slate-700">
      <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium select-none">
        TLS trust (self-signed servers)
        {state === 'accepted' && <span className="ml-2 text-xs font-normal text-green-800 dark:text-green-300">accepted certificate</span>}
        {state === 'ca' && <span className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">private CA</span>}
      </summary>
      <div className="space-y-3 border-t border-slate-200 px-3 py-3 dark:border-slate-700">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Certificates are always verified; Backup Console never connects without checking them. A device with a self-signed
          certificate is trusted by accepting exactly its certificate, after comparing the fingerprint with the device&apos;s console.
        </p>
        {state === 'accepted' ? (
          <CertificateTrustSummary
            caPem={caPem}
            fingerprint256={fingerprint256}
            headingRef={trustedRef}
            onReview={https ? () => setReviewing(true) : undefined}
            onForget={forget}
          />
        ) : https ? (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Button ref={reviewButtonRef} size="sm" data-testid="certificate-review-start" onClick={() => setReviewing(true)}>
              Review certificate…
            </Button>
            <span className="text-xs text-slate-600 dark:text-slate-400">See the certificate this URL presents, and trust it if it is your device&apos;s.</span>
          </div>
        ) : (
          <p className="text-xs text-slate-600 dark:text-slate-400">Certificates can be reviewed for https URLs.</p>
        )}
        {showReview && (
          <CertificateReviewPanel
            key={seenRequests}
            url={url}
            pinned={fingerprint256 || undefined}
            trustLabel={state === 'accepted' ? 'Trust this one instead' : 'Trust this certificate'}
            onTrust={trust}
            onClose={() => setReviewing(false)}
          />
        )}
        <details open={manualOpen || undefined} className="rounded-md border border-slate-200 dark:border-slate-700">
          <summary className="cursor-pointer rounded-md px-3 py-1.5 text-xs font-medium select-none">Private CA, or the certificate and fingerprint by hand</summary>
          <div className="space-y-3 border-t border-slate-200 px-3 py-3 dark:border-slate-700">
            <p className="text-xs text-slate-600 dark:text-slate-400">
              For a private CA paste its certificate. A SHA-256 fingerprint, if given, pins the exact certificate of the endpoint&apos;s own host
              (for OpenStack, Keystone): it stands in for the host-name check, and any other certificate is refused. Services the cloud
              names on other hosts need their CA pasted here too.
            </p>
            <div>
              <label htmlFor={caId} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
                CA certificate (PEM)
              </label>
              <textarea
                id={caId}
                data-testid="tls-ca-pem"
                rows={4}
                spellCheck={false}
                value={caPem}
                placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
                aria-invalid={errors.caPem ? true : undefined}
                aria-describedby={`${caId}-note`}
                onChange={(event) => onChange('caPem', event.target.value)}
                onBlur={() => onBlur('caPem')}
                className={`${inputClass} font-mono text-xs`}
              />
              <FieldNote id={`${caId}-note`} error={errors.caPem} />
            </div>
            <TextField
              label="SHA-256 fingerprint"
              testId="tls-fingerprint"
              value={fingerprint256}
              spellCheck={false}
              placeholder="AB:CD:…:EF (32 bytes)"
              onChange={(event) => onChange('fingerprint256', event.target.value)}
              onBlur={() => onBlur('fingerprint256')}
              error={errors.fingerprint256}
            />
          </div>
        </details>
      </div>
    </details>
  );
}
