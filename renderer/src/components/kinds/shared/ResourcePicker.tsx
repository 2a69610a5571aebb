import { useId, type ReactNode } from 'react';
import type { Resource, ResourceType } from '../../../../../shared/domain';
import { useResources } from '../../../queries/use-resources';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Spinner } from '../../ui/Spinner';
import { FieldNote } from '../../ui/TextField';
import { ResourceRow, type ResourceColumn } from './ResourceRow';

export type { ResourceColumn } from './ResourceRow';

export interface ResourcePickerProps {
  endpointId: string;
  type: ResourceType;
  /** The group's visible label ("Volume to back up"). */
  legend: string;
  /** What the list holds, in the plural ("volumes"), for loading and refresh wording. */
  noun: string;
  help?: ReactNode;
  error?: string;
  emptyText: string;
  columns: readonly ResourceColumn[];
  selectedId: string;
  onSelect(resource: Resource): void;
  /** Undefined when the resource can be picked; otherwise the reason shown on its disabled row. */
  unavailableReason?(resource: Resource): string | undefined;
  testId: string;
}

/**
 * Picks one resource from `resources.list`: a table of native radio buttons, so arrow keys move
 * between the rows that can be picked and screen readers announce "radio, 2 of 7". Rows that
 * cannot be picked stay visible, disabled, with the reason in text.
 */
export function ResourcePicker(props: ResourcePickerProps) {
  const { endpointId, type, legend, noun, help, error, emptyText, columns, selectedId, onSelect, unavailableReason, testId } = props;
  const query = useResources(endpointId, type);
  const groupName = useId();
  const legendId = `${groupName}-legend`;
  const noteId = `${groupName}-note`;

  return (
    <div
      role="radiogroup"
      data-testid={testId}
      aria-labelledby={legendId}
      // Focusable by script only, so a dialog can start on the picker while its rows still load.
      tabIndex={-1}
      aria-invalid={error ? true : undefined}
      aria-describedby={error || help ? noteId : undefined}
      className="min-w-0 rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
    >
      <div className="mb-1 flex items-center justify-between gap-2">
        <span id={legendId} className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {legend}
        </span>
        {query.data && (
          <Button size="sm" variant="ghost" aria-label={`Refresh the list of ${noun}`} disabled={query.isFetching} onClick={() => void query.refetch()}>
            {query.isFetching ? 'Refreshing…' : 'Refresh'}
          </Button>
        )}
      </div>
      {query.isPending ? (
        <p role="status" data-testid={`${testId}-loading`} className="flex items-center gap-2 py-3 text-sm text-slate-600 dark:text-slate-400">
          <Spinner /> Loading {noun}…
        </p>
      ) : query.isError ? (
        <ErrorMessage testId={`${testId}-error`} title={`Could not list the ${noun}`} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : query.data.length === 0 ? (
        <p data-testid={`${testId}-empty`} className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-600 dark:text-slate-400">
          {emptyText}
        </p>
      ) : (
        <div className="max-h-64 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Name
                </th>
                {columns.map((column) => (
                  <th key={column.header} scope="col" className="px-3 py-1.5 font-medium">
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {query.data.map((resource) => (
                <ResourceRow
                  key={resource.id}
                  resource={resource}
                  columns={columns}
                  groupName={groupName}
                  selected={resource.id === selectedId}
                  reason={unavailableReason?.(resource)}
                  onSelect={onSelect}
                  testId={`${testId}-option`}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FieldNote id={noteId} error={error} help={help} />
    </div>
  );
}
