import type { EndpointView } from '../../../../shared/contract';
import { useRemoveEndpoint } from '../../queries/use-endpoint-mutations';
import { useUiStore } from '../../state/ui-store';
import { TypedConfirmDialog } from '../confirm/TypedConfirmDialog';

export function RemoveEndpointDialog({ endpoint, onClose }: { endpoint: EndpointView; onClose(): void }) {
  const remove = useRemoveEndpoint();
  const selectEndpoint = useUiStore((state) => state.selectEndpoint);
  return (
    <TypedConfirmDialog
      title={`Remove ${endpoint.name}?`}
      confirmLabel="Remove endpoint"
      pendingLabel="Removing…"
      pending={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(endpoint.id, {
          onSuccess: () => {
            selectEndpoint(null);
            onClose();
          },
        })
      }
    >
      <p>
        Backup Console forgets this endpoint and deletes the credentials it stored for it. Backups on the endpoint itself are not
        touched; add it again to manage them.
      </p>
    </TypedConfirmDialog>
  );
}
