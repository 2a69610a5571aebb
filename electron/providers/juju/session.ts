import type { ProviderContext } from '../provider';
import { apiUrl, jujuAccess, rpcOptions, type JujuAccess } from './access';
import { knownFacts, rememberFacts, supportedBackupsVersions, type ControllerFacts } from './controller-facts';
import { controllerModelUuid } from './discover-model';
import { DEFAULT_CLIENT_VERSION, login } from './login';
import type { CallOptions, RpcConnection } from './rpc-connection';
import type { RpcCall } from './rpc-envelope';
import { toAppError } from './rpc-errors';
import type { JujuTiming } from './timing';
import type { LoginResult } from './wire-schemas';

/** A logged-in connection to the controller model. */
export interface JujuSession {
  readonly access: JujuAccess;
  readonly facts: ControllerFacts;
  readonly rpc: RpcConnection;
  /** A facade call whose error frames come back as explained AppErrors; `doing` is a verb phrase ("create a backup"). */
  call(call: RpcCall, doing: string, options?: CallOptions): Promise<unknown>;
  /** A Backups call at the version the login offered. */
  backups(request: string, params: Record<string, unknown> | undefined, doing: string, options?: CallOptions): Promise<unknown>;
  close(): void;
}

export function factsFrom(result: LoginResult, modelUuid: string, clientVersion: string): ControllerFacts {
  const offered = result.facades.find((f) => f.name === 'Backups')?.versions ?? [];
  const spoken = offered.filter((v) => (supportedBackupsVersions as readonly number[]).includes(v));
  return {
    serverVersion: result['server-version'] ?? clientVersion,
    backupsVersion: spoken.length ? Math.max(...spoken) : 0,
    modelUuid,
    controllerAccess: result['user-info']?.['controller-access'] || undefined,
  };
}

/** Logs in on `/model/<controller-model-uuid>/api` and records what the login revealed in the memo. */
export async function openJuju(ctx: ProviderContext, timing: JujuTiming): Promise<JujuSession> {
  const access = await jujuAccess(ctx);
  const remembered = knownFacts(ctx.memo)?.serverVersion;
  const configured = access.settings.agent_version;
  // What an earlier login reported beats the setting; either is only a first guess (login.ts).
  let version = { clientVersion: remembered ?? configured ?? DEFAULT_CLIENT_VERSION, versionIsGuess: !remembered && !configured };
  const model = await controllerModelUuid(ctx, access, timing, version);
  // The controller's own answer beats the setting: an imported agent-version goes stale after an upgrade.
  if (model.serverVersion) version = { clientVersion: model.serverVersion, versionIsGuess: false };
  const session = await login({ url: apiUrl(access.base, model.uuid), username: access.username, password: access.password, modelUuid: model.uuid, ...version, rpc: rpcOptions(ctx, access, timing) });
  const facts = factsFrom(session.result, model.uuid, session.clientVersion);
  rememberFacts(ctx.memo, facts);
  const { rpc } = session;
  const call = (c: RpcCall, doing: string, options?: CallOptions) =>
    rpc.call(c, options).catch((error: unknown) => Promise.reject(toAppError(error, { username: access.username, doing, modelUuid: model.uuid })));
  return {
    access,
    facts,
    rpc,
    call,
    backups: (request, params, doing, options) => call({ type: 'Backups', version: facts.backupsVersion, request, params }, doing, options),
    close: () => rpc.close(),
  };
}

/** Runs `use` on a fresh session and always closes it. */
export async function withJuju<T>(ctx: ProviderContext, timing: JujuTiming, use: (session: JujuSession) => Promise<T>): Promise<T> {
  const session = await openJuju(ctx, timing);
  try {
    return await use(session);
  } finally {
    session.close();
  }
}
