import { useSelectedEndpoint } from '../../hooks/use-selected-endpoint';
import { useEndpoints } from '../../queries/use-endpoints';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SkeletonRows } from '../ui/Skeleton';
import { EndpointListItem } from './EndpointListItem';

export function EndpointSidebar() {
  const endpoints = useEndpoints();
  const selected = useSelectedEndpoint();
  const openDialog = useUiStore((state) => state.openDialog);

  return (
    <nav
      aria-labelledby="endpoints-heading"
      className="flex w-64 shrink-0 flex-col xl:w-72 border-r border-slate-200 bg-slate-100/70 dark:border-slate-800 dark:bg-slate-900/60"
    >
      <div className="flex items-center justify-between px-4 pt-4 pb-2">
        <h2 id="endpoints-heading" className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
          Endpoints
        </h2>
        {endpoints.data && <span className="text-xs text-slate-600 dark:text-slate-400">{endpoints.data.length}</span>}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2">
        {endpoints.isPending ? (
          <div role="status" aria-label="Loading endpoints">
            <SkeletonRows rows={3} />
          </div>
        ) : endpoints.isError && !endpoints.data ? (
          <div className="p-2">
            <ErrorMessage
              title="Could not load endpoints"
              error={endpoints.error}
              onRetry={() => void endpoints.refetch()}
              retrying={endpoints.isFetching}
            />
          </div>
        ) : endpoints.data.length === 0 ? (
          <p className="px-2 py-3 text-sm text-slate-600 dark:text-slate-400">No endpoints yet.</p>
        ) : (
          <ul className="space-y-1 pb-2">
            {endpoints.data.map((endpoint) => (
              <EndpointListItem key={endpoint.id} endpoint={endpoint} selected={endpoint.id === selected?.id} />
            ))}
          </ul>
        )}
      </div>
      <div className="flex gap-2 border-t border-slate-200 p-3 dark:border-slate-800">
        <Button variant="primary" className="flex-1" data-testid="add-endpoint" onClick={() => openDialog({ type: 'endpoint-form' })}>
          Add endpoint
        </Button>
        <Button data-testid="import-endpoints" onClick={() => openDialog({ type: 'import-endpoints' })}>
          Import…
        </Button>
      </div>
    </nav>
  );
}
