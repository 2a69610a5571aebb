import { AppError } from '../../../shared/errors';
import type { ProviderContext } from '../provider';
import { apiUrl, rpcOptions, type JujuAccess } from './access';
import { discoveredModelUuid, rememberModelUuid } from './controller-facts';
import { login, type LoggedIn } from './login';
import { toAppError } from './rpc-errors';
import { userTag } from './settings';
import type { JujuTiming } from './timing';
import { userModelListSchema } from './wire-schemas';
import { parseWire } from './wire-parse';

export interface ClientVersionChoice {
  clientVersion: string;
  versionIsGuess: boolean;
}

type ModelEntry = { name: string; uuid: string; 'owner-tag'?: string };

/**
 * The controller model's UUID: from the settings, from an earlier lookup, or by logging in on the
 * controller-only `/api` path and asking for the model named "controller".
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

const newestVersion = (session: LoggedIn, facade: string) => Math.max(0, ...(session.result.facades.find((f) => f.name === facade)?.versions ?? []));

/**
 * Controller.AllModels lists every model to a controller superuser, even one never given access to the
 * controller model, whom ModelManager.ListModels {tag: user-<me>} would not show it. Undefined when the
 * user is no superuser or the facade is missing: ListModels is then the fallback.
 */
async function allModels(session: LoggedIn, ctx: ProviderContext): Promise<ModelEntry[] | undefined> {
  const version = newestVersion(session, 'Controller');
  if (!version) return undefined;
  try {
    const raw = await session.rpc.call({ type: 'Controller', version, request: 'AllModels' });
    return parseWire(userModelListSchema, raw, 'Controller.AllModels')['user-models'].map((m) => m.model);
  } catch (error) {
    ctx.log.debug('Controller.AllModels refused; falling back to ModelManager.ListModels', { error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

async function modelsOfUser(session: LoggedIn, access: JujuAccess): Promise<ModelEntry[]> {
  const version = newestVersion(session, 'ModelManager');
  if (!version) throw new AppError('unsupported', 'The controller offers no facade to look up its controller model.', 'Enter the controller model UUID in the endpoint settings (`juju show-controller` shows it).');
  const raw = await session.rpc
    .call({ type: 'ModelManager', version, request: 'ListModels', params: { tag: userTag(access.username) } })
    .catch((error: unknown) => Promise.reject(toAppError(error, { username: access.username, doing: 'list the models' })));
  return parseWire(userModelListSchema, raw, 'ModelManager.ListModels')['user-models'].map((m) => m.model);
}

/** Asks the controller (on `/api`) which model is named "controller", whatever the settings say. */
export async function lookUpControllerModel(ctx: ProviderContext, access: JujuAccess, timing: JujuTiming, version: ClientVersionChoice): Promise<{ uuid: string; serverVersion?: string }> {
  const session = await login({ url: apiUrl(access.base), username: access.username, password: access.password, ...version, rpc: rpcOptions(ctx, access, timing) });
  try {
    const everyModel = await allModels(session, ctx);
    const models = everyModel ?? (await modelsOfUser(session, access));
    const named = models.filter((m) => m.name === 'controller');
    const found = named.find((m) => m['owner-tag'] === 'user-admin') ?? named[0];
    if (!found) {
      const superuser = session.result['user-info']?.['controller-access'] === 'superuser';
      throw new AppError(
        'not-found',
        `User ${access.username} sees no model named "controller" on this controller (${models.length} other models${everyModel ? ', listing every model' : ', listing only the models the user was given'}).`,
        superuser
          ? 'Enter the controller model UUID from `juju show-controller` in the endpoint settings.'
          : `Backups need a controller superuser (\`juju grant ${access.username} superuser\`); or enter the controller model UUID from \`juju show-controller\`.`,
      );
    }
    return { uuid: found.uuid, serverVersion: session.result['server-version'] };
  } finally {
    session.rpc.close();
  }
}
