import type { Backup } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { createdThisSession, type ControllerFacts } from './controller-facts';
import { storedBackupsAvailable } from './info';
import { toDomainBackup } from './normalise';
import { withJuju, type JujuSession } from './session';
import type { JujuTiming } from './timing';
import { backupsListResultSchema, backupsMetadataSchema, errorResultsSchema, type BackupMetadata } from './wire-schemas';
import { explainJujuError } from './rpc-errors';
import { parseWire } from './wire-parse';

export function sessionListNote(facts: ControllerFacts): string {
  return `Juju ${facts.serverVersion} cannot list backups; shown: those created from Backup Console since it started. Each stays on the controller only until its one download.`;
}

async function storedBackups(session: JujuSession): Promise<BackupMetadata[]> {
  return parseWire(backupsListResultSchema, await session.backups('List', {}, 'list the backups'), 'Backups.List').list;
}

export async function listBackups(timing: JujuTiming, ctx: ProviderContext): Promise<Backup[]> {
  return withJuju(ctx, timing, async (session) => {
    const pending = [...createdThisSession(ctx.memo).values()];
    if (!storedBackupsAvailable(session.facts)) {
      // Nothing to call here, so say what Create would: backups need a superuser.
      const access = session.facts.controllerAccess;
      if (access && access !== 'superuser') throw explainJujuError({ message: 'permission denied' }, { username: session.access.username, doing: 'list the backups' });
      const note = sessionListNote(session.facts);
      return pending.map((meta) => toDomainBackup(meta, ctx.endpoint.id, note));
    }
    const stored = await storedBackups(session);
    const listed = new Set(stored.map((m) => m.id));
    return [...stored, ...pending.filter((m) => !listed.has(m.id))].map((meta) => toDomainBackup(meta, ctx.endpoint.id));
  });
}

/** The metadata of one backup: Backups.Info where the controller keeps backups, else what this session created. */
export async function backupMetadata(session: JujuSession, ctx: ProviderContext, backupId: string): Promise<BackupMetadata> {
  const pending = createdThisSession(ctx.memo);
  const mine = pending.get(backupId) ?? [...pending.values()].find((m) => m.filename === backupId);
  if (mine) return mine;
  if (!storedBackupsAvailable(session.facts)) {
    throw new AppError(
      'not-found',
      `Backup ${backupId} was not created from Backup Console since it started, and Juju ${session.facts.serverVersion} cannot look backups up.`,
      'Create a new backup with "save to this computer", or copy the file from the controller machine (`juju scp -m controller 0:<file> .`).',
    );
  }
  return parseWire(backupsMetadataSchema, await session.backups('Info', { id: backupId }, `read backup ${backupId}`), 'Backups.Info');
}

export async function getBackup(timing: JujuTiming, ctx: ProviderContext, backupId: string): Promise<Backup> {
  return withJuju(ctx, timing, async (session) => {
    const meta = await backupMetadata(session, ctx, backupId);
    return toDomainBackup(meta, ctx.endpoint.id, storedBackupsAvailable(session.facts) ? undefined : sessionListNote(session.facts));
  });
}

/** Backups.Remove: `{"id"}` on facade 1, `{"ids": […]}` → ErrorResults on 2. */
export async function deleteBackup(timing: JujuTiming, ctx: ProviderContext, backupId: string, op: OperationContext): Promise<OperationOutcome> {
  return withJuju(ctx, timing, async (session) => {
    if (!storedBackupsAvailable(session.facts)) {
      throw new AppError('unsupported', `Juju ${session.facts.serverVersion} keeps no backups in the controller, so there is nothing to delete.`);
    }
    op.setBackupId(backupId);
    op.progress({ stage: `Removing backup ${backupId} from the controller` });
    const doing = `remove backup ${backupId}`;
    if (session.facts.backupsVersion === 1) {
      await session.backups('Remove', { id: backupId }, doing);
    } else {
      const results = parseWire(errorResultsSchema, await session.backups('Remove', { ids: [backupId] }, doing), 'Backups.Remove').results;
      const error = results[0]?.error;
      if (error) throw explainJujuError(error, { username: session.access.username, doing, modelUuid: session.facts.modelUuid });
      if (results.length !== 1) throw new AppError('bad-response', `The controller answered the removal of one backup with ${results.length} results.`);
    }
    return { state: 'succeeded', outcome: `Removed backup ${backupId} from the controller.`, backupId };
  });
}
