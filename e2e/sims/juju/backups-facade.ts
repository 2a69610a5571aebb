import type { Session, SimContext } from './context';
import { delay } from './faults';
import { callNotImplemented, permissionDenied, RpcError } from './rpc-errors';
import type { BackupMetadata } from './types';

type Params = Record<string, unknown>;

const notControllerModel = 'backups are only supported from the controller model\nUse juju switch to select the controller model';

/** BackupsMetadataResult for the facade version asked for: v1/v2 carry series + CA, v3 base and no CA. */
function result(meta: BackupMetadata): BackupMetadata {
  return { ...meta };
}

async function create(ctx: SimContext, version: number, params: Params): Promise<BackupMetadata> {
  const notes = typeof params.notes === 'string' ? params.notes : '';
  // v1 forces keep-copy; v3 (3.x) has no keep-copy and never stores the archive in the database.
  const keepCopy = version === 1 ? true : version === 2 ? params['keep-copy'] === true : false;
  // 2.x leaves the archive in backup-dir only when asked to (no-download false; v1 forces no-download);
  // 3.x ignores no-download and always leaves it there for its one download (state/backups Create).
  const keepFile = version === 1 ? false : version === 2 ? params['no-download'] === false : true;
  // Juju reports nothing while mongodump and tar run: the call just blocks.
  await delay(ctx.createMs * ctx.timeScale + ctx.switchboard.faults.slowCreateMs);
  const failure = ctx.switchboard.faults.createFails;
  if (failure) throw new RpcError(failure);
  const passwords = Object.fromEntries(Object.entries(ctx.users).map(([name, user]) => [name, user.password]));
  return result(ctx.store.add(notes, keepCopy, keepFile, passwords));
}

function remove(ctx: SimContext, params: Params) {
  const ids = Array.isArray(params.ids) ? params.ids.map(String) : typeof params.id === 'string' ? [params.id] : [];
  return {
    results: ids.map((id) => {
      try {
        ctx.store.remove(id);
        return {};
      } catch (error) {
        const e = error as RpcError;
        return { error: { message: e.message, code: e.code } };
      }
    }),
  };
}

function restore(ctx: SimContext, params: Params): Promise<never> {
  const id = typeof params['backup-id'] === 'string' ? params['backup-id'] : '';
  ctx.store.info(id);
  const status = ctx.store.restoreStatus;
  const failure = ctx.switchboard.faults.restoreFails;
  // Refused before the status moves to RESTORING: the controller stays in PENDING (restricted) mode.
  if (failure && status === 'PENDING') throw new RpcError(failure);
  if (status !== 'PENDING') {
    throw new RpcError(`cannot set the server to "RESTORING" mode: invalid restore transition: ${status} => RESTORING`);
  }
  ctx.store.restoreStatus = 'RESTORING';
  ctx.restartForRestore(id);
  // The real apiserver os.Exit()s mid-call: the client never gets an answer, only a dropped socket.
  return new Promise<never>(() => undefined);
}

function finishRestore(ctx: SimContext) {
  if (ctx.store.restoreStatus !== 'RESTORED') {
    ctx.store.restoreStatus = 'FAILED';
    throw new RpcError('Restore did not finish successfully');
  }
  ctx.store.restoreStatus = 'CHECKED';
  return {};
}

/** The Backups facade as the simulated release has it (method set per version, see versions.ts). */
export async function callBackups(ctx: SimContext, session: Session, version: number, method: string, params: Params): Promise<unknown> {
  if (!ctx.profile.backupsMethods.includes(method)) throw callNotImplemented('Backups', version, method);
  // Facade construction: superuser first, then the controller model.
  if (ctx.users[session.user!].controllerAccess !== 'superuser') throw permissionDenied();
  if (session.modelUuid !== ctx.controllerModelUuid) throw new RpcError(notControllerModel);
  switch (method) {
    case 'Create':
      return create(ctx, version, params);
    case 'Info':
      return result(ctx.store.info(typeof params.id === 'string' ? params.id : ''));
    case 'List':
      return { list: ctx.store.list().map(result) };
    case 'Remove':
      return remove(ctx, params);
    case 'PrepareRestore':
      ctx.store.restoreStatus = 'PENDING';
      return {};
    case 'Restore':
      return restore(ctx, params);
    case 'FinishRestore':
      return finishRestore(ctx);
    default:
      throw callNotImplemented('Backups', version, method);
  }
}
