import { useMemo } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { sortAndFilterBackups } from '../../lib/sort-backups';
import { useBackupListFilters, useBackups } from '../../queries/use-backups';
import { useKindInfo } from '../../queries/use-kinds';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SkeletonRows } from '../ui/Skeleton';
import { BackupsGrid } from './BackupsGrid';
import { BackupsToolbar } from './BackupsToolbar';

export function BackupsSection({ endpoint, onOpenDetails }: { endpoint: EndpointView; onOpenDetails(): void }) {
  const kind = useKindInfo(endpoint.kind);
  const backups = useBackups(endpoint.id);
  const serverFilters = useBackupListFilters(endpoint.id);
  const clearServerFilters = useUiStore((state) => state.clearBackupListFilters);
  const sort = useUiStore((state) => state.backupSort);
  const filter = useUiStore((state) => state.backupFilter);
  const rows = useMemo(() => (backups.data ? sortAndFilterBackups(backups.data, sort, filter) : []), [backups.data, sort, filter]);

  return (
    <section aria-labelledby="backups-heading" aria-busy={backups.isPlaceholderData || undefined} className="flex min-w-0 flex-1 flex-col">
      <BackupsToolbar
        endpointId={endpoint.id}
        listFilters={kind?.listFilters ?? []}
        total={backups.data?.length}
        shown={rows.length}
        refreshing={backups.isFetching}
        onRefresh={() => void backups.refetch()}
      />
      {backups.isError && backups.data && (
        <div className="px-4 pb-2" data-testid="backups-refresh-error">
          <ErrorMessage title="Could not refresh; showing the last list" error={backups.error} onRetry={() => void backups.refetch()} retrying={backups.isFetching} />
        </div>
      )}
      <div className="flex min-h-0 flex-1 flex-col">
        {backups.isPending ? (
          <div role="status" aria-label="Loading backups" className="flex-1">
            <SkeletonRows rows={8} />
          </div>
        ) : backups.isError && !backups.data ? (
          <div className="p-4">
            <ErrorMessage
              testId="backups-error"
              title={`Could not list backups on ${endpoint.name}`}
              error={backups.error}
              onRetry={() => void backups.refetch()}
              retrying={backups.isFetching}
            />
          </div>
        ) : backups.data.length === 0 && serverFilters ? (
          <div data-testid="backups-none-match-filters" className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
            <p className="max-w-sm text-sm text-slate-600 dark:text-slate-400">No backups on {endpoint.name} match these filters.</p>
            <Button size="sm" onClick={() => clearServerFilters(endpoint.id)}>
              Clear filters
            </Button>
          </div>
        ) : backups.data.length === 0 ? (
          <div data-testid="backups-empty" className="flex flex-1 items-center justify-center p-8 text-center">
            <p className="max-w-sm text-sm text-slate-600 dark:text-slate-400">
              No backups yet on {endpoint.name}. Back up now to create the first one.
            </p>
          </div>
        ) : rows.length === 0 ? (
          <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-400">No backups match “{filter}”.</p>
        ) : (
          <BackupsGrid rows={rows} allRows={backups.data} endpointName={endpoint.name} reporter={kind?.label ?? endpoint.kind} onOpenDetails={onOpenDetails} />
        )}
      </div>
    </section>
  );
}
