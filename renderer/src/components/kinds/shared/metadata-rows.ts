import type { FieldErrors } from '../types';

export interface MetadataRow {
  key: string;
  value: string;
}

/** Rows with neither key nor value are ignored; the rest become a key → value record. */
export function metadataRecord(rows: readonly MetadataRow[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const row of rows) {
    if (row.key.trim() === '' && row.value.trim() === '') continue;
    record[row.key.trim()] = row.value;
  }
  return record;
}

/** Errors keyed `metadata.<row index>`; the first problem per row. */
export function metadataErrors(rows: readonly MetadataRow[]): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = row.key.trim();
    if (key === '' && row.value.trim() === '') return;
    let message: string | undefined;
    if (key === '') message = 'Give this value a key';
    else if (key.length > 255 || row.value.length > 255) message = 'Keys and values must be 255 characters or fewer';
    else if (seen.has(key)) message = `The key “${key}” is already used above`;
    seen.add(key);
    if (message) errors[`metadata.${index}`] = message;
  });
  return errors;
}
