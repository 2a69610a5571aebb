import type { ReactNode } from 'react';
import type { CertificateInfo } from '../../../../shared/contract';
import { useNow } from '../../hooks/use-now';
import { certificateValidity, explainVerificationError } from '../../lib/certificate-facts';
import { normaliseFingerprint, sameFingerprint } from '../../lib/digest-display';
import { formatDateTime } from '../../lib/format-date';
import { Badge } from '../ui/Badge';
import { CertificateFingerprint } from './CertificateFingerprint';

const validityBadges = {
  valid: { tone: 'success', text: 'Valid now' },
  expired: { tone: 'danger', text: 'Expired' },
  'not-yet-valid': { tone: 'danger', text: 'Not valid yet' },
  unknown: { tone: 'warning', text: 'Dates unreadable' },
} as const;

/** Everything about a presented certificate the operator needs to decide whether to trust it. */
export function CertificateDetails({ cert, pinned }: { cert: CertificateInfo; pinned?: string }) {
  const now = useNow(60_000);
  const validity = certificateValidity(cert, now);
  const badge = validityBadges[validity];
  return (
    <dl data-testid="certificate-details" className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[8.5rem_minmax(0,1fr)]">
      <Fact term="Presented by">
        <span className="font-mono text-xs break-all">{cert.address}</span>
      </Fact>
      <Fact term="SHA-256 fingerprint">
        <CertificateFingerprint fingerprint={cert.fingerprint256} testId="certificate-fingerprint" />
        {pinned && <PinComparison pinned={pinned} same={sameFingerprint(pinned, cert.fingerprint256)} />}
      </Fact>
      <Fact term="Subject">
        <span className="break-words">{cert.subject || '—'}</span>
      </Fact>
      <Fact term="Issuer">
        <span className="break-words">{cert.issuer || '—'}</span>{' '}
        {cert.selfSigned && (
          <Badge tone="warning" testId="certificate-self-signed">
            Self-signed
          </Badge>
        )}
      </Fact>
      {cert.subjectAltName && (
        <Fact term="Also valid for">
          <span className="font-mono text-xs break-all">{cert.subjectAltName}</span>
        </Fact>
      )}
      <Fact term="Validity">
        <span className="tabular-nums">
          {formatDateTime(cert.validFrom)} – {formatDateTime(cert.validTo)}
        </span>{' '}
        <Badge tone={badge.tone} testId="certificate-validity">
          {badge.text}
        </Badge>
      </Fact>
      <Fact term="Why not trusted">
        <span data-testid="certificate-verification" className="break-words">
          {cert.verificationError ? explainVerificationError(cert.verificationError) : 'This computer already trusts it.'}
        </span>
      </Fact>
    </dl>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="min-w-0 space-y-1">{children}</dd>
    </>
  );
}

function PinComparison({ pinned, same }: { pinned: string; same: boolean }) {
  return same ? (
    <p data-testid="certificate-pin-match" className="text-xs font-medium text-green-800 dark:text-green-300">
      ✓ The same certificate you accepted for this endpoint.
    </p>
  ) : (
    <p data-testid="certificate-pin-mismatch" className="text-xs font-medium text-red-700 dark:text-red-300">
      ✕ Not the certificate you accepted for this endpoint (that one was <span className="font-mono break-all">{normaliseFingerprint(pinned)}</span>).
      Trusting this one replaces it.
    </p>
  );
}
