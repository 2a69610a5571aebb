import { useQueryClient } from '@tanstack/react-query';
import type { CertificateInfo, EndpointView } from '../../../../shared/contract';
import { configTrustingCertificate } from '../../lib/endpoint-draft';
import { queryKeys } from '../../queries/keys';
import { useSaveEndpoint } from '../../queries/use-endpoint-mutations';
import { ModalDialog } from '../ui/ModalDialog';
import { CertificateReviewPanel } from './CertificateReviewPanel';

/**
 * Reviews a saved endpoint's certificate outside the endpoint form (the header's warning after a
 * certificate change). Trusting saves at once, replacing the accepted certificate; stored
 * credentials are kept. The backups list is then read again over the newly trusted connection.
 */
export function CertificateReviewDialog({ endpoint, onClose }: { endpoint: EndpointView; onClose(): void }) {
  const save = useSaveEndpoint();
  const queryClient = useQueryClient();
  const pinned = endpoint.tls.fingerprint256;

  function trust(cert: CertificateInfo) {
    save.mutate(
      { endpointId: endpoint.id, config: configTrustingCertificate(endpoint, cert) },
      {
        onSuccess: async () => {
          onClose();
          await queryClient.invalidateQueries({ queryKey: queryKeys.backups.forEndpoint(endpoint.id) });
        },
      },
    );
  }

  return (
    <ModalDialog title={`Certificate of ${endpoint.name}`} onClose={onClose} testId="certificate-review-dialog" width="lg">
      <CertificateReviewPanel
        url={endpoint.url}
        pinned={pinned}
        trustLabel={pinned ? 'Trust the new certificate' : 'Trust this certificate'}
        trusting={save.isPending}
        trustError={save.error}
        onTrust={trust}
        onClose={onClose}
      />
    </ModalDialog>
  );
}
