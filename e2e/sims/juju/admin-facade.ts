import { parseClientVersion } from './client-version';
import { hostPorts, models, type Session, type SimContext } from './context';
import { badCredentials, callNotImplemented, codes, RpcError } from './rpc-errors';
import { isControllerFacade } from './restrictions';

type Params = Record<string, unknown>;

function loginResult(ctx: SimContext, session: Session, user: string) {
  const account = ctx.users[user];
  const controllerOnly = session.modelUuid === undefined;
  return {
    servers: hostPorts(ctx),
    'controller-tag': `controller-${ctx.controllerUuid}`,
    ...(controllerOnly ? {} : { 'model-tag': `model-${session.modelUuid}` }),
    'user-info': {
      'display-name': account.displayName,
      identity: `user-${user}`,
      'controller-access': account.controllerAccess,
      'model-access': controllerOnly ? '' : account.modelAccess,
    },
    facades: ctx.profile.facades.filter((f) => !controllerOnly || isControllerFacade(ctx.profile, f.name)),
    'server-version': ctx.profile.version,
  };
}

function login(ctx: SimContext, session: Session, params: Params) {
  if (session.modelUuid !== undefined && !models(ctx).some((m) => m.uuid === session.modelUuid)) {
    throw new RpcError(`unknown model: "${session.modelUuid}"`, codes.modelNotFound);
  }
  const tag = typeof params['auth-tag'] === 'string' ? params['auth-tag'] : '';
  const user = /^user-([a-z0-9][a-z0-9.+-]*)$/.exec(tag)?.[1];
  const account = user === undefined ? undefined : ctx.users[user];
  if (!account || params.credentials !== account.password) throw badCredentials();
  const versionText = typeof params['client-version'] === 'string' ? params['client-version'] : '';
  const client = versionText === '' ? undefined : parseClientVersion(versionText);
  if (versionText !== '' && !client) throw new RpcError(`invalid version "${versionText}"`);
  if (session.modelUuid !== undefined && ctx.switchboard.take('redirect')) {
    const info = { servers: hostPorts(ctx, 'hostname'), 'ca-cert': ctx.caPem, 'controller-tag': `controller-${ctx.controllerUuid}` };
    throw new RpcError('redirection required', codes.redirect, ctx.profile.errorInfo ? info : undefined);
  }
  session.user = user;
  session.client = client;
  return loginResult(ctx, session, user!);
}

/** Admin v3: the only facade before login. RedirectInfo answers after a `redirection required` login. */
export function callAdmin(ctx: SimContext, session: Session, version: number, method: string, params: Params): unknown {
  if (version !== 3) throw callNotImplemented('Admin', version);
  switch (method) {
    case 'Login':
      if (session.user) throw new RpcError('already logged in');
      return login(ctx, session, params);
    case 'RedirectInfo':
      if (session.user) throw new RpcError('not redirected');
      return { servers: hostPorts(ctx, 'hostname'), 'ca-cert': ctx.caPem };
    default:
      throw callNotImplemented('Admin', version, method);
  }
}
