import { useEffect, useState } from 'react';
import type { ListFilter } from '../../../../shared/domain';
import { toolbarInputClass } from './toolbar-input';

/** Typing pauses this long before the list is asked for again: each change is a request to the endpoint. */
const debounceMs = 700;

export interface ListFilterTextProps {
  filter: ListFilter;
  /** The value in force (from the store). */
  value: string;
  onCommit(value: string): void;
}

/** A free-text server-side filter: applied on Enter, on leaving the field, or after a pause in typing. */
export function ListFilterText({ filter, value, onCommit }: ListFilterTextProps) {
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  // Follows changes made elsewhere (Clear filters) without fighting the operator's own typing.
  if (value !== applied) {
    setApplied(value);
    if (draft.trim() !== value) setDraft(value);
  }

  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => onCommit(draft), debounceMs);
    return () => clearTimeout(timer);
  }, [draft, value, onCommit]);

  return (
    <input
      type="search"
      data-testid={`backup-list-filter-${filter.name}`}
      aria-label={`${filter.label} (asks the endpoint)`}
      placeholder={filter.label}
      title={`${filter.label}: filtered by the endpoint`}
      spellCheck={false}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => draft.trim() !== value && onCommit(draft)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onCommit(draft);
        }
      }}
      className={`${toolbarInputClass} w-44`}
    />
  );
}
