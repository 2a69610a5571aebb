import type { Backup } from '../../../shared/domain';
import type { BackupMetadata } from './wire-schemas';

export const NOT_SET = 'not set';

/** Go's zero time.Time (`0001-01-01T00:00:00Z`) is how Juju says "never"; undefined then, or when unreadable. */
export function jujuTime(text: string | undefined): string | undefined {
  if (!text || /^0001-01-01/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Where the backup is: in the controller database (2.x, `stored` set) or only as a file awaiting its one download (3.x). */
export function storedInDatabase(meta: BackupMetadata): boolean {
  return jujuTime(meta.stored) !== undefined;
}

type Details = Backup['details'];

function detailsOf(meta: BackupMetadata, note?: string): Details {
  const details: Details = {
    checksum: meta.checksum ?? null,
    'checksum-format': meta['checksum-format'] ?? null,
    started: jujuTime(meta.started) ?? NOT_SET,
    finished: jujuTime(meta.finished) ?? NOT_SET,
    stored: jujuTime(meta.stored) ?? NOT_SET,
    model: meta.model ?? null,
    machine: meta.machine ?? null,
    'controller-uuid': meta['controller-uuid'] ?? null,
    'controller-machine-id': meta['controller-machine-id'] ?? null,
    'controller-machine-inst-id': meta['controller-machine-inst-id'] ?? null,
    'ha-nodes': meta['ha-nodes'] ?? null,
    filename: meta.filename ?? null,
    'format-version': meta['format-version'] ?? null,
  };
  if (meta.series) details.series = meta.series;
  if (meta.base) details.base = meta.base;
  // The certificate is public but long; the backup's CA private key is never read past the wire parser.
  if (meta.carriesCaCert) details['ca-cert'] = 'in the metadata (not shown)';
  if (note) details.note = note;
  return details;
}

/** A backup as the app shows it; `note` explains where the list came from when that is not obvious. */
export function toDomainBackup(meta: BackupMetadata, endpointId: string, note?: string): Backup {
  return {
    id: meta.id,
    endpointId,
    state: 'available',
    statusText: storedInDatabase(meta) ? 'stored' : 'on the controller',
    name: meta.notes?.trim() || undefined,
    sizeBytes: meta.size,
    createdAt: jujuTime(meta.started),
    version: meta.version,
    device: meta.hostname || undefined,
    platform: meta.base || meta.series || undefined,
    details: detailsOf(meta, note),
  };
}
