import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';
import { inputClass } from '../ui/TextField';

export interface BackupsToolbarProps {
  total: number | undefined;
  shown: number;
  refreshing: boolean;
  onRefresh(): void;
}

export function BackupsToolbar({ total, shown, refreshing, onRefresh }: BackupsToolbarProps) {
  const filter = useUiStore((state) => state.backupFilter);
  const setFilter = useUiStore((state) => state.setBackupFilter);
  const count = total === undefined ? '' : filter && shown !== total ? `${shown.toLocaleString()} of ${total.toLocaleString()}` : total.toLocaleString();
  return (
    <div className="flex shrink-0 items-center gap-3 px-4 py-2.5">
      <h2 id="backups-heading" className="text-sm font-semibold">
        Backups {count && <span className="font-normal text-slate-600 dark:text-slate-400">({count})</span>}
      </h2>
      <div className="ml-auto flex items-center gap-2">
        <input
          type="search"
          aria-label="Filter backups by id, version, device or status"
          placeholder="Filter…"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className={`${inputClass} h-8 w-56 py-1`}
        />
        <Button size="sm" className="h-8" onClick={onRefresh} disabled={refreshing} aria-label="Refresh the backup list">
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </Button>
      </div>
    </div>
  );
}
