import { useCallback, useId } from 'react';
import type { ListFilter } from '../../../../shared/domain';
import { countListFilters } from '../../lib/list-filters';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';
import { ListFilterText } from './ListFilterText';
import { toolbarInputClass } from './toolbar-input';

/** The kind's server-side filters (KindInfo.listFilters), as compact controls in the toolbar. */
export function BackupListFilters({ endpointId, filters }: { endpointId: string; filters: readonly ListFilter[] }) {
  const values = useUiStore((state) => state.backupListFilters[endpointId]);
  const setFilter = useUiStore((state) => state.setBackupListFilter);
  const clear = useUiStore((state) => state.clearBackupListFilters);
  const labelId = useId();
  const commit = useCallback((name: string, value: string) => setFilter(endpointId, name, value), [endpointId, setFilter]);
  if (filters.length === 0) return null;
  const active = countListFilters(values);

  return (
    <div role="group" aria-labelledby={labelId} data-testid="backup-list-filters" className="flex flex-wrap items-center gap-2">
      <span id={labelId} className="text-xs text-slate-600 dark:text-slate-400" title="Sent to the endpoint with the list request">
        Ask the endpoint for
      </span>
      {filters.map((filter) =>
        filter.options ? (
          <select
            key={filter.name}
            data-testid={`backup-list-filter-${filter.name}`}
            aria-label={`${filter.label} (asks the endpoint)`}
            value={values?.[filter.name] ?? ''}
            onChange={(event) => commit(filter.name, event.target.value)}
            className={`${toolbarInputClass} w-auto max-w-48`}
          >
            <option value="">Any {filter.label.toLowerCase()}</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : (
          <ListFilterText key={filter.name} filter={filter} value={values?.[filter.name] ?? ''} onCommit={(value) => commit(filter.name, value)} />
        ),
      )}
      {active > 0 && (
        <Button size="sm" variant="ghost" className="h-8" data-testid="backup-list-filters-clear" onClick={() => clear(endpointId)}>
          Clear {active === 1 ? 'filter' : `${active} filters`}
        </Button>
      )}
    </div>
  );
}
