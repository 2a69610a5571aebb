import { AppError } from '../../../shared/errors';
import type { ProviderContext } from '../provider';
import { apiUrl, rpcOptions, type JujuAccess } from './access';
import { discoveredModelUuid, rememberModelUuid } from './controller-facts';
import { login } from './login';
import { toAppError } from './rpc-errors';
import { userTag } from './settings';
import type { JujuTiming } from './timing';
import { userModelListSchema } from './wire-schemas';
import { parseWire } from './wire-parse';

export interface ClientVersionChoice {
  clientVersion: string;
  versionIsGuess: boolean;
}

/**
 * The controller model's UUID: from the settings, from an earlier lookup, or by logging in on the
 * controller-only `/api` path and asking ModelManager.ListModels for the model named "controller".
 * Also hands back the controller's version when the lookup learnt it.
 */
export async function controllerModelUuid(ctx: ProviderContext, access: JujuAccess, timing: JujuTiming, version: ClientVersionChoice): Promise<{ uuid: string; serverVersion?: string }> {
  const known = access.settings.model_uuid ?? discoveredModelUuid(ctx.memo);
  if (known) return { uuid: known };
  const found = await lookUpControllerModel(ctx, access, timing, version);
  rememberModelUuid(ctx.memo, found.uuid);
  ctx.log.info('Found the controller model', { modelUuid: found.uuid });
  return found;
}

/** Asks the controller (on `/api`) which model is named "controller", whatever the settings say. */
export async function lookUpControllerModel(ctx: ProviderContext, access: JujuAccess, timing: JujuTiming, version: ClientVersionChoice): Promise<{ uuid: string; serverVersion?: string }> {
  const session = await login({ url: apiUrl(access.base), username: access.username, password: access.password, ...version, rpc: rpcOptions(ctx, access, timing) });
  try {
    const versions = session.result.facades.find((f) => f.name === 'ModelManager')?.versions ?? [];
    if (!versions.length) throw new AppError('unsupported', 'The controller offers no ModelManager facade to look up its controller model.', 'Enter the controller model UUID in the endpoint settings (`juju show-controller` shows it).');
    const raw = await session.rpc
      .call({ type: 'ModelManager', version: Math.max(...versions), request: 'ListModels', params: { tag: userTag(access.username) } })
      .catch((error: unknown) => Promise.reject(toAppError(error, { username: access.username, doing: 'list the models' })));
    const models = parseWire(userModelListSchema, raw, 'ModelManager.ListModels')['user-models'].map((m) => m.model);
    const named = models.filter((m) => m.name === 'controller');
    const found = named.find((m) => m['owner-tag'] === 'user-admin') ?? named[0];
    if (!found) {
      throw new AppError(
        'not-found',
        `User ${access.username} sees no model named "controller" on this controller (${models.length} other models).`,
        'Backups need a controller superuser, who sees the controller model. Or enter the controller model UUID from `juju show-controller`.',
      );
    }
    return { uuid: found.uuid, serverVersion: session.result['server-version'] };
  } finally {
    session.rpc.close();
  }
}
