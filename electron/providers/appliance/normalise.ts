import type { Backup } from '../../../shared/domain';
import type { WireBackup } from './wire-schemas';

const states: Record<string, Backup['state']> = {
  completed: 'available',
  started: 'creating',
  uploading: 'creating',
  failed: 'error',
};

/** completed → available, started/uploading → creating, failed → error; anything newer firmware says → unknown. */
export function backupState(status: string | null | undefined): Backup['state'] {
  return (status && states[status.toLowerCase()]) || 'unknown';
}

/** Epoch seconds → ISO time; 0, negative or absent → undefined. */
export function epochToIso(seconds: number | null | undefined): string | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Fields shown by the Backup fields themselves; the rest of the wire object goes to the details pane. */
const shownElsewhere = new Set(['id', 'status', 'description', 'size', 'backup_time', 'sw_version', 'hostname', 'model']);

function detailValue(value: unknown): string | number | boolean | null | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === undefined) return undefined;
  return JSON.stringify(value);
}

export function toDomainBackup(wire: WireBackup, endpointId: string): Backup {
  const details: Backup['details'] = {};
  for (const [key, value] of Object.entries(wire)) {
    if (shownElsewhere.has(key)) continue;
    const shown = detailValue(value);
    if (shown !== undefined) details[key] = shown;
  }
  const size = typeof wire.size === 'number' && wire.size >= 0 ? wire.size : undefined;
  return {
    id: wire.id,
    endpointId,
    state: backupState(wire.status),
    statusText: wire.status ?? 'unknown',
    name: wire.description || undefined,
    sizeBytes: size,
    createdAt: epochToIso(wire.backup_time),
    version: wire.sw_version || undefined,
    device: wire.hostname || undefined,
    platform: wire.model || undefined,
    details,
  };
}

/** "backup 3 ("nightly")" for messages. */
export function describeBackup(wire: Pick<WireBackup, 'id' | 'description'>): string {
  return wire.description ? `backup ${wire.id} ("${wire.description}")` : `backup ${wire.id}`;
}
