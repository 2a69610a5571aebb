import type { ListFilter } from '../../../../shared/domain';
import { useEndpoints } from '../../queries/use-endpoints';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';
import { UploadFileButton } from '../uploads/UploadFileButton';
import { BackupListFilters } from './BackupListFilters';
import { toolbarInputClass } from './toolbar-input';

export interface BackupsToolbarProps {
  endpointId: string;
  /** Server-side filters the endpoint's kind supports. */
  listFilters: readonly ListFilter[];
  total: number | undefined;
  shown: number;
  refreshing: boolean;
  onRefresh(): void;
}

export function BackupsToolbar({ endpointId, listFilters, total, shown, refreshing, onRefresh }: BackupsToolbarProps) {
  const filter = useUiStore((state) => state.backupFilter);
  const setFilter = useUiStore((state) => state.setBackupFilter);
  const endpoint = useEndpoints().data?.find((e) => e.id === endpointId);
  const count = total === undefined ? '' : filter && shown !== total ? `${shown.toLocaleString()} of ${total.toLocaleString()}` : total.toLocaleString();
  return (
    <div className="shrink-0 space-y-2 px-4 py-2.5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h2 id="backups-heading" className="text-sm font-semibold">
          Backups {count && <span className="font-normal text-slate-600 dark:text-slate-400">({count})</span>}
        </h2>
        <div className="ml-auto flex items-start gap-2">
          {endpoint && <UploadFileButton endpoint={endpoint} />}
          <input
            type="search"
            aria-label="Filter the shown backups by name, id, source, version, device or status"
            placeholder={listFilters.length > 0 ? 'Filter shown…' : 'Filter…'}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            className={`${toolbarInputClass} w-48`}
          />
          <Button size="sm" className="h-8" onClick={onRefresh} disabled={refreshing} aria-label="Refresh the backup list">
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </Button>
        </div>
      </div>
      <BackupListFilters endpointId={endpointId} filters={listFilters} />
    </div>
  );
}
