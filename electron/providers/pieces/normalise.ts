import type { Backup } from '../../../shared/domain';
import type { WireBackup } from './wire-schemas';

/** A backup in the Pieces cloud list, in the app's words. The wire has no status for listed backups. */
export function toDomainBackup(wire: WireBackup, endpointId: string): Backup {
  const details: Backup['details'] = { timestamp: wire.timestamp };
  if (wire.created.readable) details.created_readable = wire.created.readable;
  return {
    id: wire.id,
    endpointId,
    state: 'available',
    statusText: 'In Pieces cloud',
    sizeBytes: wire.bytes,
    createdAt: wire.created.value,
    version: wire.version,
    device: wire.device_name,
    platform: wire.platform,
    details,
  };
}
