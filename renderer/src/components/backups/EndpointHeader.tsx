import { useState } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { toClientError } from '../../client/client-error';
import { certificateTrouble } from '../../lib/certificate-facts';
import { useBackups } from '../../queries/use-backups';
import { useKindInfo } from '../../queries/use-kinds';
import { useCreateBackup } from '../../queries/use-backup-mutations';
import { useUiStore } from '../../state/ui-store';
import { CertificateChangedWarning } from '../endpoints/CertificateChangedWarning';
import { CertificateReviewDialog } from '../endpoints/CertificateReviewDialog';
import { FactoryResetMenu } from '../reset/FactoryResetMenu';
import { Button } from '../ui/Button';
import { CapabilityButton } from '../ui/CapabilityButton';
import { ErrorMessage } from '../ui/ErrorMessage';

export function EndpointHeader({ endpoint }: { endpoint: EndpointView }) {
  const kind = useKindInfo(endpoint.kind);
  const create = useCreateBackup();
  const openDialog = useUiStore((state) => state.openDialog);
  const { capabilities } = endpoint;
  // The list the grid shows (same cache entry): when it fails over the certificate, say so up here, with the way out.
  const backups = useBackups(endpoint.id);
  const listFailure = backups.error ? toClientError(backups.error) : undefined;
  const trouble = certificateTrouble(listFailure?.code, endpoint.url);
  const [reviewingCertificate, setReviewingCertificate] = useState(false);

  return (
    <div className="shrink-0 border-b border-slate-200 bg-white px-5 py-3 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="min-w-0">
          <h1 className="truncate text-lg font-semibold" title={endpoint.name}>
            {endpoint.name}
          </h1>
          <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-600 dark:text-slate-400">
            <span>{kind?.label ?? endpoint.kind}</span>
            <span aria-hidden="true">·</span>
            {endpoint.url ? (
              <span className="font-mono text-xs break-all">{endpoint.url}</span>
            ) : (
              <span>URL found automatically</span>
            )}
          </p>
        </div>
        <div className="flex items-start gap-2">
          {capabilities.backupAsset.enabled && (
            <Button data-testid="backup-asset" onClick={() => openDialog({ type: 'backup-asset', endpointId: endpoint.id })}>
              Back up an asset…
            </Button>
          )}
          {capabilities.importRecord.enabled && (
            <Button data-testid="import-record" onClick={() => openDialog({ type: 'import-record', endpointId: endpoint.id })}>
              Import backup record…
            </Button>
          )}
          <CapabilityButton
            variant="primary"
            testId="backup-now"
            capability={capabilities.create}
            busy={create.isPending}
            onClick={() =>
              // Kinds with their own create form (volume, instance…) ask first; the others start at once.
              kind?.hasCreateOptions ? openDialog({ type: 'create-backup', endpointId: endpoint.id }) : create.mutate({ endpointId: endpoint.id })
            }
          >
            {create.isPending ? 'Starting…' : kind?.hasCreateOptions ? 'Back up now…' : 'Back up now'}
          </CapabilityButton>
          <FactoryResetMenu endpoint={endpoint} kind={kind} />
        </div>
      </div>
      {trouble === 'changed' && listFailure && (
        <div className="mt-3">
          <CertificateChangedWarning message={listFailure.message} accepted={endpoint.tls.fingerprint256} onReview={() => setReviewingCertificate(true)} />
        </div>
      )}
      {trouble === 'untrusted' && (
        <p data-testid="certificate-untrusted-notice" className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
          Backup Console does not trust the certificate this endpoint presents.
          <Button size="sm" data-testid="certificate-review-open" onClick={() => setReviewingCertificate(true)}>
            Review certificate…
          </Button>
        </p>
      )}
      {reviewingCertificate && <CertificateReviewDialog endpoint={endpoint} onClose={() => setReviewingCertificate(false)} />}
      {create.error && (
        <div className="mt-3">
          <ErrorMessage title="The backup did not start" error={create.error} />
        </div>
      )}
    </div>
  );
}
