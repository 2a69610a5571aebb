import { AppError } from '../../../shared/errors';
import { parseVersion } from './controller-facts';
import { openRpc, type RpcConnection, type RpcOptions } from './rpc-connection';
import { explainJujuError, JujuRpcError } from './rpc-errors';
import { userTag } from './settings';
import { loginResultSchema, redirectInfoSchema, type LoginResult } from './wire-schemas';
import { parseWire } from './wire-parse';

/** Used when neither the settings nor an earlier login told the controller's version. */
export const DEFAULT_CLIENT_VERSION = '3.6.14';
const defaultForMajor: Record<number, string> = { 2: '2.9.46', 3: '3.6.14', 4: '4.0.12' };

export interface LoginInput {
  url: string;
  username: string;
  password: string;
  /** The first guess (the setting, an earlier login, or a default); the controller's own version replaces it when the majors differ. */
  clientVersion: string;
  /** The version came from no setting; kept for logs only — a setting is a guess too (the controller may have been upgraded since). */
  versionIsGuess: boolean;
  modelUuid?: string;
  rpc: RpcOptions;
}

export interface LoggedIn {
  rpc: RpcConnection;
  result: LoginResult;
  clientVersion: string;
}

function loginParams(input: LoginInput, clientVersion: string): Record<string, unknown> {
  return { 'auth-tag': userTag(input.username), credentials: input.password, nonce: '', macaroons: [], 'user-data': '', 'client-version': clientVersion };
}

/** What an incompatible-client refusal tells about the controller's version. */
export function serverVersionFromRefusal(error: JujuRpcError): string | undefined {
  const info = error.wire.info?.['server-version'];
  if (typeof info === 'string' && info) return info;
  const major = /controller (?:having|with) major version (\d+)/i.exec(error.message)?.[1];
  return major ? defaultForMajor[Number(major)] : undefined;
}

async function redirectError(rpc: RpcConnection, username: string): Promise<AppError> {
  try {
    const info = parseWire(redirectInfoSchema, await rpc.call({ type: 'Admin', version: 3, request: 'RedirectInfo' }), 'Admin.RedirectInfo');
    const addresses = info.servers.flatMap((hosts) => (hosts ?? []).map((h) => (h.port ? `${h.value}:${h.port}` : h.value)));
    if (addresses.length) {
      return new AppError(
        'unreachable',
        `The controller redirects user ${username} to another controller at ${addresses.join(', ')} (the model was migrated).`,
        `Point the endpoint at https://${addresses[0]} and paste that controller's CA certificate (juju show-controller shows both once you have logged in there).`,
      );
    }
  } catch {
    // RedirectInfo may itself be refused; the generic explanation below still says what to do.
  }
  return explainJujuError({ message: 'redirection required', code: 'redirection required' }, { username, doing: 'sign in' });
}

async function attempt(input: LoginInput, clientVersion: string): Promise<LoggedIn> {
  const rpc = await openRpc(input.url, input.rpc);
  try {
    const raw = await rpc.call({ type: 'Admin', version: 3, request: 'Login', params: loginParams(input, clientVersion) });
    const result = parseWire(loginResultSchema, raw, 'Admin.Login');
    if (result['discharge-required'] || result['bakery-discharge-required'] || result['discharge-required-error']) {
      throw explainJujuError({ message: 'discharge required', code: 'discharge required' }, { username: input.username, doing: 'sign in' });
    }
    return { rpc, result, clientVersion };
  } catch (error) {
    const redirect = error instanceof JujuRpcError && error.code === 'redirection required' ? await redirectError(rpc, input.username) : undefined;
    rpc.close();
    throw redirect ?? error;
  }
}

/**
 * `Admin.Login` version 3 on one API path. The client version sent is a first guess, even when it
 * comes from the settings (an imported agent-version goes stale when the controller is upgraded):
 * the controller's own version replaces it after an incompatible-client refusal, or when the login
 * shows a different major version (an older-major client may log in but not call Backups).
 */
export async function login(input: LoginInput): Promise<LoggedIn> {
  const explain = (error: unknown) => (error instanceof JujuRpcError ? explainJujuError(error.wire, { username: input.username, doing: 'sign in', modelUuid: input.modelUuid }) : error);
  let first: LoggedIn;
  try {
    first = await attempt(input, input.clientVersion);
  } catch (error) {
    const serverVersion = error instanceof JujuRpcError && error.code === 'incompatible client' ? serverVersionFromRefusal(error) : undefined;
    if (!serverVersion || serverVersion === input.clientVersion) throw explain(error);
    return attempt(input, serverVersion).catch((again: unknown) => Promise.reject(explain(again)));
  }
  const serverVersion = first.result['server-version'];
  if (!serverVersion || parseVersion(serverVersion).major === parseVersion(input.clientVersion).major) return first;
  first.rpc.close();
  return attempt(input, serverVersion).catch((again: unknown) => Promise.reject(explain(again)));
}
