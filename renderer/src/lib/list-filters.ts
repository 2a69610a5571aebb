/** Server-side backup list filters by name (KindInfo.listFilters); an empty value means "not filtered". */
export type ListFilterValues = Readonly<Record<string, string>>;

const noFilters: ListFilterValues = Object.freeze({});

/** Sets one filter; a blank value removes it, so `{}` always means "no filters". */
export function withListFilter(filters: ListFilterValues | undefined, name: string, value: string): ListFilterValues {
  const next: Record<string, string> = { ...filters };
  const trimmed = value.trim();
  if (trimmed === '') delete next[name];
  else next[name] = trimmed;
  return Object.keys(next).length === 0 ? noFilters : next;
}

/**
 * The filters to send: only those the kind declares (a stale one from an older kind list is dropped),
 * sorted by name so equal filters make equal query keys. Undefined when there are none.
 */
export function listFiltersToSend(filters: ListFilterValues | undefined, declared: readonly string[]): Record<string, string> | undefined {
  const entries = Object.entries(filters ?? {})
    .filter(([name, value]) => declared.includes(name) && value !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

export function countListFilters(filters: ListFilterValues | undefined): number {
  return Object.keys(filters ?? {}).length;
}
