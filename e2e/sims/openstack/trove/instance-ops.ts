import { datastoreOfVersion, datastoreVersions, defaultDatastoreName, findDatastore, findFlavor, findVersion, versionById, type DatastoreEntry, type DatastoreVersionEntry } from './catalog';
import { loadBackup, loadInstance, type Caller } from './backup-ops';
import { accept, refuse, troveErrors } from './errors';
import { takeFault } from './faults';
import type { InstanceCreateInput } from './request-schemas';
import { instanceBuildSteps, randomUuid } from './timeline';
import type { InstanceRecord, Outcome } from './types';
import type { TroveWorld } from './world';

/** datastore/models.py get_datastore_version: the default datastore and its default version fill what is missing. */
function resolveDatastore(type: string | undefined, version: string | undefined): Outcome<{ datastore: DatastoreEntry; version: DatastoreVersionEntry }> {
  const name = type ?? defaultDatastoreName;
  const datastore = findDatastore(name);
  if (!datastore) return refuse(troveErrors.datastoreNotFound(name));
  const ref = version ?? datastore.defaultVersionId;
  const found = findVersion(datastore, ref);
  if (found) return accept({ datastore, version: found });
  // A version of another datastore: Trove finds it, then refuses the pairing.
  if (versionById(ref) || datastoreVersions.some((v) => v.name === ref)) return refuse(troveErrors.datastoreNoVersion(datastore.name, ref));
  return refuse(troveErrors.datastoreVersionNotFound(ref));
}

/**
 * InstanceController.create + Instance.create. With `restorePoint` this is Trove's restore: a new instance built from
 * a COMPLETED backup that fits its volume and shares its datastore.
 */
export function createInstance(world: TroveWorld, caller: Caller, input: InstanceCreateInput): Outcome<InstanceRecord> {
  const resolved = resolveDatastore(input.datastoreType, input.datastoreVersion);
  if (!resolved.ok) return resolved;
  const { datastore, version } = resolved.value;
  const flavor = input.flavorRef === undefined ? undefined : findFlavor(input.flavorRef);
  if (!flavor) return refuse(troveErrors.flavorNotFound(input.flavorRef ?? 'None'));
  if (input.volumeSize === undefined) return refuse(troveErrors.volumeSizeNotSpecified());

  let restoredFrom: string | null = null;
  if (input.backupRef !== undefined) {
    const loaded = loadBackup(world, caller, input.backupRef);
    if (!loaded.ok) return loaded;
    const backup = loaded.value;
    const status = world.backupStatus(backup);
    if (status !== 'COMPLETED') return refuse(troveErrors.backupNotComplete(backup.id, status));
    if (backup.finalSizeGb > input.volumeSize) return refuse(troveErrors.backupTooLarge(backup.finalSizeGb, input.volumeSize));
    const source = datastoreOfVersion(backup.datastoreVersionId).datastore;
    if (source.name !== datastore.name) return refuse(troveErrors.datastoreMismatch(source.name, datastore.name));
    restoredFrom = backup.id;
  }

  const now = world.now();
  const fails = takeFault(world.faults, 'restoreFails', world.env.random);
  const sourceSize = restoredFrom ? (world.backupRecord(restoredFrom)?.finalSizeGb ?? 0) : 0;
  const record: InstanceRecord = {
    id: randomUuid(world.env.random),
    projectId: caller.projectId,
    name: input.name,
    flavorId: flavor.id,
    volumeSizeGb: input.volumeSize,
    volumeUsedGb: Math.round((0.1 + sourceSize * 2.5) * 100) / 100,
    datastoreVersionId: version.id,
    createdAt: now,
    steps: instanceBuildSteps(now, world.env.timeScale(), fails),
    region: 'RegionOne',
    ips: [`10.0.1.${10 + (world.instanceRecords().length % 240)}`],
    restoredFrom,
  };
  world.putInstance(record);
  return accept(record);
}

/** Instance.delete: refused while building; the simulator drops the instance at once (Trove shows SHUTDOWN first). */
export function deleteInstance(world: TroveWorld, caller: Caller, id: string): Outcome<null> {
  const loaded = loadInstance(world, caller, id);
  if (!loaded.ok) return loaded;
  const status = world.instanceStatus(loaded.value);
  if (status === 'BUILD') return refuse(troveErrors.instanceNotReady(id, status));
  world.removeInstance(id);
  return accept(null);
}
