import { datastoreOfVersion } from './catalog';
import { accept, refuse, troveErrors } from './errors';
import { takeFault } from './faults';
import type { BackupCreateInput } from './request-schemas';
import { backupSteps, randomUuid } from './timeline';
import { runningBackupStates, type BackupRecord, type InstanceRecord, type Outcome } from './types';
import type { TroveWorld } from './world';

/** Who is asking: the token's project, and whether it holds the admin role. */
export interface Caller {
  projectId: string;
  isAdmin: boolean;
}

/** trove.conf running_backups_expires: an older "running" backup is presumed dead and may be deleted. */
const runningBackupsExpireMs = 3 * 24 * 60 * 60_000;

/** DBModel.find_by with a context: another project's record is "not found" unless the caller is admin. */
export function visibleTo<T extends { projectId: string }>(record: T | undefined, caller: Caller): record is T {
  return record !== undefined && (caller.isAdmin || record.projectId === caller.projectId);
}

export function loadBackup(world: TroveWorld, caller: Caller, id: string): Outcome<BackupRecord> {
  const record = world.backupRecord(id);
  return visibleTo(record, caller) ? accept(record) : refuse(troveErrors.notFound(id));
}

export function loadInstance(world: TroveWorld, caller: Caller, id: string): Outcome<InstanceRecord> {
  const record = world.instanceRecord(id);
  return visibleTo(record, caller) ? accept(record) : refuse(troveErrors.notFound(id));
}

/** trove/instance/models.py validate_can_perform_action. */
function refuseIfBusy(world: TroveWorld, instance: InstanceRecord) {
  const server = world.serverStatus(instance);
  if (server !== 'ACTIVE' && server !== 'HEALTHY') return troveErrors.instanceBusy(instance.id, 'instance', server);
  if (world.runningBackup(instance.id)) return troveErrors.instanceBusy(instance.id, 'instance', 'BACKUP');
  return undefined;
}

/** BackupController.create + Backup.create, in their order of checks. */
export function createBackup(world: TroveWorld, caller: Caller, input: BackupCreateInput): Outcome<BackupRecord> {
  if (!input.instance) return refuse(troveErrors.backupCreation('instance is missing.'));
  const loaded = loadInstance(world, caller, input.instance);
  if (!loaded.ok) return loaded;
  const instance = loaded.value;
  const busy = refuseIfBusy(world, instance);
  if (busy) return refuse(busy);
  const { datastore } = datastoreOfVersion(instance.datastoreVersionId);
  if (!datastore.hasBackupStrategy || world.faults.notImplemented) return refuse(troveErrors.operationNotSupported('backup_create', datastore.name));

  let parentId: string | null = null;
  if (input.parentId) {
    const parent = loadBackup(world, caller, input.parentId);
    if (!parent.ok) return parent;
    parentId = parent.value.id;
  } else if (input.incremental) {
    // Backup.get_last_completed: the newest COMPLETED backup of the instance, incrementals included.
    parentId = world.backupRecords({ instanceId: instance.id }).find((b) => world.backupStatus(b) === 'COMPLETED')?.id ?? null;
  }

  const strategy = world.strategies(caller.projectId, instance.id)[0] ?? world.strategies(caller.projectId, '')[0];
  const now = world.now();
  const fails = takeFault(world.faults, 'createFails', world.env.random);
  const record: BackupRecord = {
    id: randomUuid(world.env.random),
    projectId: caller.projectId,
    name: input.name,
    description: input.description,
    instanceId: instance.id,
    parentId,
    datastoreVersionId: instance.datastoreVersionId,
    createdAt: now,
    steps: backupSteps(now, world.env.timeScale(), fails),
    // Incrementals hold only the changes since their parent.
    finalSizeGb: Math.max(0.01, Math.round(instance.volumeUsedGb * (parentId ? 0.1 : 0.35) * 100) / 100),
    swiftContainer: input.swiftContainer ?? strategy?.swiftContainer ?? null,
  };
  world.putBackup(record);
  return accept(record);
}

/**
 * Backup.delete: children and grandchildren first (each through the same checks), then the backup itself.
 * As in Trove, a running descendant stops the deletion with 422 after its older siblings are already gone.
 */
export function deleteBackup(world: TroveWorld, caller: Caller, id: string): Outcome<null> {
  const loaded = loadBackup(world, caller, id);
  if (!loaded.ok) return loaded;
  for (const child of world.backupRecords().filter((b) => b.parentId === id)) {
    const deleted = deleteBackup(world, caller, child.id);
    if (!deleted.ok && deleted.fault.status !== 404) return deleted;
  }
  const backup = loaded.value;
  const running = runningBackupStates.includes(world.backupStatus(backup));
  if (running && world.now() - backup.createdAt < runningBackupsExpireMs) return refuse(troveErrors.backupRunning(id));
  world.removeBackup(id);
  return accept(null);
}
