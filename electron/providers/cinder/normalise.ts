import type { Backup, Resource } from '../../../shared/domain';
import { detailsOf, gibToBytes, reportedGib, wireTimestampToIso } from '../openstack/normalise';
import type { WireBackup, WireVolume } from './wire-schemas';

type BackupState = Backup['state'];

const states: Record<string, BackupState> = {
  creating: 'creating',
  available: 'available',
  restoring: 'restoring',
  deleting: 'deleting',
  error: 'error',
  error_deleting: 'error',
};

export function backupState(status: string): BackupState {
  return states[status.toLowerCase()] ?? 'unknown';
}

const shownInFields = ['id', 'status', 'name', 'size', 'volume_id', 'created_at', 'links'];

export function toDomainBackup(wire: WireBackup, endpointId: string): Backup {
  const size = typeof wire.size === 'number' ? wire.size : undefined;
  return {
    id: wire.id,
    endpointId,
    state: backupState(wire.status),
    statusText: wire.status,
    name: wire.name ?? undefined,
    sizeBytes: size === undefined ? undefined : gibToBytes(size),
    sizeReported: size === undefined ? undefined : reportedGib(size),
    source: wire.volume_id ?? undefined,
    createdAt: wireTimestampToIso(wire.created_at),
    details: detailsOf(wire, shownInFields),
  };
}

export function toVolumeResource(wire: WireVolume): Resource {
  const size = typeof wire.size === 'number' ? wire.size : undefined;
  const attachedTo = (wire.attachments ?? []).flatMap((a) => (a.server_id ? [a.server_id] : []));
  return {
    id: wire.id,
    name: wire.name ?? undefined,
    status: wire.status,
    sizeBytes: size === undefined ? undefined : gibToBytes(size),
    sizeReported: size === undefined ? undefined : reportedGib(size),
    details: {
      availability_zone: wire.availability_zone ?? null,
      bootable: wire.bootable === undefined || wire.bootable === null ? null : String(wire.bootable) === 'true',
      volume_type: wire.volume_type ?? null,
      attached_to: attachedTo.length ? attachedTo.join(', ') : null,
      created_at: wireTimestampToIso(wire.created_at) ?? null,
    },
  };
}

/** "backup-name (id)" or just the id. */
export function describeVolume(id: string, name?: string | null): string {
  return name ? `${name} (${id})` : id;
}
