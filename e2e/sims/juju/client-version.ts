import { codes, RpcError } from './rpc-errors';
import type { VersionProfile } from './versions';

export interface ClientVersion {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

/** juju/version.Parse, loosely: "3.6.14", "2.9-rc3", "4.0.12.1". */
export function parseClientVersion(text: string): ClientVersion | undefined {
  const match = /^(\d{1,9})\.(\d{1,9})(?:[.-]([a-z]*)(\d{1,9}))?(?:\.\d{1,9})?$/.exec(text);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[4] ?? 0), text };
}

function atLeast(v: ClientVersion, min: string): boolean {
  const m = parseClientVersion(min);
  if (!m) return false;
  return v.major !== m.major ? v.major > m.major : v.minor !== m.minor ? v.minor > m.minor : v.patch >= m.patch;
}

// Calls a client of another major version may still make (apiserver allowedDifferentClientMethods,
// allowedMethodsForMigrate, allowedMethodsForUpgrade).
const alwaysAllowed = new Set(['Client.FullStatus', 'UserManager.UserInfo', 'ModelManager.ListModels', 'ModelManager.ModelInfo', 'Controller.InitiateMigration', 'Controller.IdentityProviderURL']);
const upgradeCalls = new Set(['Client.FindTools', 'ModelUpgrader.UpgradeModel', 'ModelUpgrader.AbortModelUpgrade', 'ModelConfig.ModelGet', 'Controller.ModelConfig', 'Controller.ControllerVersion', 'Controller.CloudSpec']);

/**
 * The apiserver's checkClientVersion, applied to every call after a user login when the client's major
 * version differs from the controller's. Returns the IncompatibleClientError to send, or undefined.
 */
export function incompatibleClient(profile: VersionProfile, client: ClientVersion | undefined, facade: string, method: string): RpcError | undefined {
  if (!client || client.major === profile.major) return undefined;
  const refusal = new RpcError(
    `client incompatible with server ${profile.version}`,
    codes.incompatibleClient,
    profile.errorInfo ? { 'server-version': profile.version } : undefined,
  );
  if (client.major < profile.major - 1 || client.major > profile.major + 1) return refusal;
  const call = `${facade}.${method}`;
  if (call === 'Pinger.Ping' || facade === 'MigrationTarget' || alwaysAllowed.has(call)) return undefined;
  if (client.major < profile.major) return profile.minOlderClient && atLeast(client, profile.minOlderClient) ? undefined : refusal;
  if (upgradeCalls.has(call)) return undefined;
  if (client.minor !== 0) return refusal;
  const serverVersion = parseClientVersion(profile.version);
  return profile.minServerForNewerClient && serverVersion && atLeast(serverVersion, profile.minServerForNewerClient) ? undefined : refusal;
}
