type DetailValue = string | number | boolean | null;

/** Wire abbreviations that read badly as plain words. */
const words: Record<string, string> = { id: 'ID', ids: 'IDs', az: 'AZ', url: 'URL', uuid: 'UUID', os: 'OS', api: 'API' };

/** `availability_zone` → "Availability zone", `instance_id` → "Instance ID", `dataTimestamp` → "Data timestamp". */
export function readableLabel(key: string): string {
  const parts = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((part) => words[part.toLowerCase()] ?? part.toLowerCase());
  if (parts.length === 0) return key;
  const [first, ...rest] = parts;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}

/** Booleans as Yes/No, null (the endpoint said "nothing") as a dash, the rest as written. */
export function readableValue(value: DetailValue): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && value.trim() === '') return '—';
  return String(value);
}

export interface DetailRow {
  key: string;
  label: string;
  value: string;
  /** Long or multi-line text, shown wrapped in a block rather than beside its label. */
  long: boolean;
}

/**
 * Every wire field the endpoint reported, readable, in a stable order (by label), except those the
 * pane already shows prominently (`shownElsewhere`).
 */
export function detailRows(details: Readonly<Record<string, DetailValue>>, shownElsewhere: readonly string[] = []): DetailRow[] {
  return Object.entries(details)
    .filter(([key]) => !shownElsewhere.includes(key))
    .map(([key, raw]) => {
      const value = readableValue(raw);
      return { key, label: readableLabel(key), value, long: value.length > 60 || value.includes('\n') };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** A non-empty failure text from the details, to show as an error callout. */
export function failureReason(details: Readonly<Record<string, DetailValue>>, key = 'fail_reason'): string | undefined {
  const value = details[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A yes/no detail such as `is_incremental`, when the endpoint reported one. */
export function detailFlag(details: Readonly<Record<string, DetailValue>>, key: string): boolean | undefined {
  const value = details[key];
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True' || value === 1) return true;
  if (value === 'false' || value === 'False' || value === 0) return false;
  return undefined;
}
