import { useId, type ReactNode } from 'react';
import type { Resource } from '../../../../../shared/domain';

export interface ResourceColumn {
  header: string;
  cell(resource: Resource): ReactNode;
}

export interface ResourceRowProps {
  resource: Resource;
  columns: readonly ResourceColumn[];
  groupName: string;
  selected: boolean;
  reason: string | undefined;
  onSelect(resource: Resource): void;
  testId: string;
}

/** One pickable row: the radio carries the name; a disabled row says why next to it. */
export function ResourceRow({ resource, columns, groupName, selected, reason, onSelect, testId }: ResourceRowProps) {
  const id = useId();
  const disabled = reason !== undefined;
  return (
    <tr
      data-testid={testId}
      data-resource-id={resource.id}
      data-disabled={disabled || undefined}
      data-selected={selected || undefined}
      // The whole row is a click target; the radio inside stays the keyboard and screen-reader control.
      onClick={() => !disabled && !selected && onSelect(resource)}
      className={`border-t border-slate-200 align-top dark:border-slate-700 ${
        disabled
          ? 'text-slate-500 dark:text-slate-500'
          : selected
            ? 'cursor-pointer bg-blue-50 dark:bg-blue-950/50'
            : 'cursor-pointer hover:bg-slate-50 dark:hover:bg-slate-800/60'
      }`}
    >
      <td className="px-3 py-1.5">
        <div className="flex items-start gap-2">
          <input
            id={id}
            type="radio"
            name={groupName}
            value={resource.id}
            checked={selected}
            disabled={disabled}
            aria-describedby={disabled ? `${id}-reason` : undefined}
            onChange={() => onSelect(resource)}
            className="mt-0.5 size-4 shrink-0 accent-blue-700 dark:accent-blue-400"
          />
          <div className="min-w-0">
            <label htmlFor={id} className={`break-words ${disabled ? '' : 'cursor-pointer font-medium'}`}>
              {resource.name || resource.id}
            </label>
            {disabled && (
              <span id={`${id}-reason`} className="block text-xs text-slate-600 dark:text-slate-400">
                {reason}
              </span>
            )}
          </div>
        </div>
      </td>
      {columns.map((column) => (
        <td key={column.header} className="px-3 py-1.5">
          {column.cell(resource)}
        </td>
      ))}
    </tr>
  );
}
