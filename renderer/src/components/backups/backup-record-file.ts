import { formatBytes } from '../../lib/format-bytes';

/** Main refuses more (the contract's limit); a real record is a few hundred bytes. */
export const maxRecordBytes = 1_000_000;

export interface RecordPreview {
  backupService: string;
  /** Opaque to us (base64 the backup service decodes): only its length is shown. */
  backupUrlLength: number;
}

export type RecordCheck = { ok: true; preview: RecordPreview } | { ok: false; message: string };

const notRecord = 'This JSON is not a backup record: it needs "backup_service" and "backup_url" (inside "backup-record"). Choose the .json file that "Export record" saved.';

/** Checks what can be told before reading the file. */
export function recordFileProblem(file: { name: string; size: number }): string | undefined {
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > maxRecordBytes) {
    return `“${file.name}” is too large to be a backup record (${formatBytes(file.size)}; the limit is 1 MB). A record is a small JSON file: choose the one “Export record” saved.`;
  }
  return undefined;
}

function recordFields(value: unknown): { backup_service?: unknown; backup_url?: unknown } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const wrapped = (value as Record<string, unknown>)['backup-record'];
  return (wrapped ?? value) as { backup_service?: unknown; backup_url?: unknown };
}

/** Accepts the exported `{"backup-record": {…}}` and the bare `{backup_service, backup_url}`, as main does. */
export function checkRecordText(text: string): RecordCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it cannot be a backup record. Choose the .json file that "Export record" saved.' };
  }
  const fields = recordFields(value);
  if (!fields || typeof fields.backup_service !== 'string' || typeof fields.backup_url !== 'string' || fields.backup_service === '' || fields.backup_url === '') {
    return { ok: false, message: notRecord };
  }
  return { ok: true, preview: { backupService: fields.backup_service, backupUrlLength: fields.backup_url.length } };
}
