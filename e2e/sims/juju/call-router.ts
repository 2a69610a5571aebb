import { callAdmin } from './admin-facade';
import { callBackups } from './backups-facade';
import { incompatibleClient } from './client-version';
import { models, type Session, type SimContext } from './context';
import { restoreModeRefusal } from './restore-mode';
import { controllerOnlyRefusal } from './restrictions';
import { callNotImplemented, permissionDenied, RpcError } from './rpc-errors';
import { facadeVersions } from './versions';

type Params = Record<string, unknown>;

export interface RpcCall {
  facade: string;
  version: number;
  method: string;
  params: Params;
}

function listModels(ctx: SimContext, session: Session, params: Params) {
  const tag = typeof params.tag === 'string' ? params.tag : '';
  const user = /^user-(.+)$/.exec(tag)?.[1];
  if (user === undefined) throw new RpcError(`"${tag}" is not a valid user tag`);
  if (user !== session.user && ctx.users[session.user!].controllerAccess !== 'superuser') throw permissionDenied();
  const account = ctx.users[user];
  if (!account) return { 'user-models': [] };
  // ListModels lists the models the user was given access to, superuser or not.
  return userModelList(models(ctx).filter((m) => account.models.includes(m.name)));
}

function userModelList(list: Array<{ name: string; uuid: string }>) {
  const lastConnection = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    'user-models': list.map((m) => ({
      model: { name: m.name, uuid: m.uuid, type: 'iaas', 'owner-tag': 'user-admin' },
      'last-connection': lastConnection,
    })),
  };
}

/** Controller.AllModels (apiserver/facades/client/controller): every model, for controller superusers only. */
function allModels(ctx: SimContext, session: Session) {
  if (ctx.users[session.user!].controllerAccess !== 'superuser') throw permissionDenied();
  return userModelList(models(ctx));
}

/** Finds and runs the method the way the apiserver's (restricted) root does, in the same order. */
export async function routeCall(ctx: SimContext, session: Session, call: RpcCall): Promise<unknown> {
  const { facade, version, method, params } = call;
  if (facade === 'Admin') return callAdmin(ctx, session, version, method, params);
  // Before login only Admin exists.
  if (!session.user) throw callNotImplemented(facade, version);
  const refusal = incompatibleClient(ctx.profile, session.client, facade, method);
  if (refusal) throw refusal;
  const restoring = restoreModeRefusal(ctx.store.restoreStatus, facade, method);
  if (restoring) throw restoring;
  if (session.modelUuid === undefined) {
    const controllerOnly = controllerOnlyRefusal(ctx.profile, facade);
    if (controllerOnly) throw controllerOnly;
  }
  if (!facadeVersions(ctx.profile, facade)?.includes(version)) throw callNotImplemented(facade, version);
  switch (`${facade}.${method}`) {
    case 'Pinger.Ping':
      return {};
    case 'ModelManager.ListModels':
      return listModels(ctx, session, params);
    case 'Controller.AllModels':
      return allModels(ctx, session);
  }
  if (facade === 'Backups') return callBackups(ctx, session, version, method, params);
  // Other facades exist in the login result but are not simulated.
  throw callNotImplemented(facade, version, method);
}
