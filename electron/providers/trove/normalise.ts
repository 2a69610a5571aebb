import type { Backup } from '../../../shared/domain';
import { detailsOf, gibToBytes, reportedGib, wireTimestampToIso } from '../openstack/normalise';
import { backupStateOf } from './states';
import type { WireBackup } from './wire-schemas';

/** Wire fields that have their own place in the domain Backup (or are flattened below). */
const shownElsewhere = ['id', 'name', 'status', 'size', 'created', 'updated', 'instance_id', 'parent_id', 'datastore'] as const;

/**
 * For every backup, the whole subtree of incremental backups that hang off it (children,
 * grandchildren…): Trove deletes them all with it. Only backups in `backups` can be seen.
 */
export function dependentsById(backups: readonly WireBackup[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const b of backups) {
    if (!b.parent_id) continue;
    children.set(b.parent_id, [...(children.get(b.parent_id) ?? []), b.id]);
  }
  const result = new Map<string, string[]>();
  for (const b of backups) {
    const seen = new Set<string>([b.id]);
    const queue = [...(children.get(b.id) ?? [])];
    const subtree: string[] = [];
    while (queue.length) {
      const id = queue.shift()!;
      // A parent loop cannot happen in Trove, but a malformed answer must not hang the app.
      if (seen.has(id)) continue;
      seen.add(id);
      subtree.push(id);
      queue.push(...(children.get(id) ?? []));
    }
    result.set(b.id, subtree);
  }
  return result;
}

/** A Trove backup in the app's words; `dependentIds` comes from `dependentsById` over the list it was in. */
export function toDomainBackup(wire: WireBackup, endpointId: string, dependentIds: string[] = []): Backup {
  const details: Backup['details'] = { ...detailsOf(wire, shownElsewhere) };
  const updated = wireTimestampToIso(wire.updated);
  if (updated) details.updated = updated;
  if (wire.datastore) {
    details.datastore = wire.datastore.type ?? null;
    details.datastore_version = wire.datastore.version ?? null;
    details.datastore_version_id = wire.datastore.version_id ?? null;
  }
  details.incremental = wire.parent_id ? 'yes' : 'no';
  const backup: Backup = {
    id: wire.id,
    endpointId,
    state: backupStateOf(wire.status),
    statusText: wire.status,
    dependentIds,
    details,
  };
  if (wire.name) backup.name = wire.name;
  if (typeof wire.size === 'number') {
    backup.sizeBytes = gibToBytes(wire.size);
    backup.sizeReported = reportedGib(wire.size);
  }
  const createdAt = wireTimestampToIso(wire.created);
  if (createdAt) backup.createdAt = createdAt;
  if (wire.instance_id) backup.source = wire.instance_id;
  if (wire.parent_id) backup.parentId = wire.parent_id;
  return backup;
}

export function toDomainBackups(wire: readonly WireBackup[], endpointId: string): Backup[] {
  const dependents = dependentsById(wire);
  return wire.map((b) => toDomainBackup(b, endpointId, dependents.get(b.id)));
}
