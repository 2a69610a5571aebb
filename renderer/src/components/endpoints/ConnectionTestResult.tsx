import type { ConnectionTest } from '../../../../shared/domain';
import { toClientError } from '../../client/client-error';
import { certificateTrouble } from '../../lib/certificate-facts';
import { Button } from '../ui/Button';
import { ErrorMessage } from '../ui/ErrorMessage';
import { CertificateChangedWarning } from './CertificateChangedWarning';
import { useFormCertificateLink } from './use-endpoint-form-state';

/** A test result as main may send it: newer cores say which error code made the test fail. */
type TestResult = ConnectionTest & { code?: string };

/**
 * Inline result of "Test connection": what was reached (or why not) and what to do about it. A
 * certificate the system does not trust offers a review; a certificate other than the accepted
 * one gets the loud warning, because that is also what an interception looks like.
 */
export function ConnectionTestResult({ result, error }: { result: TestResult | undefined; error: unknown }) {
  const url = useFormCertificateLink((link) => link.url);
  const requestReview = useFormCertificateLink((link) => link.requestReview);
  const failure = error ? toClientError(error) : undefined;
  const trouble = certificateTrouble(failure?.code ?? (result && !result.ok ? result.code : undefined), url);

  if (trouble === 'changed') {
    return (
      <div data-testid="endpoint-test-result" data-ok="false" data-code="certificate-changed">
        <CertificateChangedWarning message={failure?.message ?? result?.message ?? ''} onReview={requestReview} />
      </div>
    );
  }
  if (failure) {
    return (
      <div data-testid="endpoint-test-result" data-ok="false" data-code={failure.code} className="space-y-2">
        <ErrorMessage title="The test could not run" error={failure} />
        {trouble === 'untrusted' && <ReviewOffer onReview={requestReview} />}
      </div>
    );
  }
  if (!result) return null;
  return (
    <div
      data-testid="endpoint-test-result"
      data-ok={String(result.ok)}
      data-code={result.ok ? undefined : result.code}
      role="status"
      className={`space-y-1 rounded-md border p-3 text-sm ${result.ok ? 'border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950/60 dark:text-green-100' : 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100'}`}
    >
      <p className="font-semibold">{result.ok ? 'Connected' : 'Connection failed'}</p>
      <p data-testid={result.ok ? undefined : 'error-message'} className="break-words">
        {result.message}
      </p>
      {(result.url || result.serverVersion) && (
        <p className="text-xs break-all opacity-90">
          {result.url}
          {result.serverVersion ? ` · server ${result.serverVersion}` : ''}
        </p>
      )}
      {result.hint && (
        <p data-testid="error-hint" className="break-words">
          {result.hint}
        </p>
      )}
      {trouble === 'untrusted' && <ReviewOffer onReview={requestReview} />}
    </div>
  );
}

function ReviewOffer({ onReview }: { onReview(): void }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 pt-1">
      <Button size="sm" data-testid="certificate-review-open" onClick={onReview}>
        Review certificate…
      </Button>
      <span className="text-xs">See the certificate the device presents and decide whether to trust it.</span>
    </div>
  );
}
