import { useEndpoints } from '../../queries/use-endpoints';
import { useKinds } from '../../queries/use-kinds';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ModalDialog } from '../ui/ModalDialog';
import { Spinner } from '../ui/Spinner';
import { EndpointForm } from './EndpointForm';

/** Add (no id) or edit an endpoint. Waits for the kind list, which drives every field. */
export function EndpointFormDialog({ endpointId, onClose }: { endpointId?: string; onClose(): void }) {
  const kinds = useKinds();
  const { data: endpoints } = useEndpoints();
  const endpoint = endpointId ? endpoints?.find((e) => e.id === endpointId) : undefined;

  return (
    <ModalDialog title={endpoint ? `Edit ${endpoint.name}` : 'Add endpoint'} onClose={onClose} width="lg">
      {kinds.isPending ? (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <Spinner /> Loading endpoint kinds…
        </p>
      ) : kinds.isError ? (
        <ErrorMessage title="Could not load endpoint kinds" error={kinds.error} onRetry={() => void kinds.refetch()} />
      ) : endpointId && !endpoint ? (
        <ErrorMessage error={new Error('This endpoint no longer exists. It may have been removed in another window.')} />
      ) : (
        <EndpointForm kinds={kinds.data} endpoint={endpoint} onDone={onClose} />
      )}
    </ModalDialog>
  );
}
