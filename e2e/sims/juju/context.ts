import type { BackupStore } from './backup-store';
import type { ClientVersion } from './client-version';
import type { JujuFaultSwitchboard } from './faults';
import type { VersionProfile } from './versions';

export interface SimUser {
  password: string;
  displayName: string;
  controllerAccess: 'superuser' | 'login';
  modelAccess: 'admin' | 'read';
  /** Models the user was given access to (ModelManager.ListModels shows only these); a superuser reaches every model anyway. */
  models: string[];
}

/** Everything a facade or route handler may read or change. */
export interface SimContext {
  profile: VersionProfile;
  controllerUuid: string;
  controllerModelUuid: string;
  defaultModelUuid: string;
  caPem: string;
  port(): number;
  users: Record<string, SimUser>;
  store: BackupStore;
  switchboard: JujuFaultSwitchboard;
  timeScale: number;
  createMs: number;
  /** Restore: the API server "exits" (every socket dropped) and comes back after `faults.restoreDownMs`. */
  restartForRestore(backupId: string): void;
}

/** One WebSocket connection: which path it came in on and who logged in. */
export interface Session {
  path: string;
  /** undefined on `/api` (controller-only connection); the path's uuid on `/model/<uuid>/api` and the controller model on `/`. */
  modelUuid: string | undefined;
  user?: string;
  client?: ClientVersion;
}

export function models(ctx: SimContext): Array<{ name: string; uuid: string }> {
  return [
    { name: 'controller', uuid: ctx.controllerModelUuid },
    { name: 'default', uuid: ctx.defaultModelUuid },
  ];
}

export function hostPorts(ctx: SimContext, type: 'ipv4' | 'hostname' = 'ipv4') {
  const value = type === 'ipv4' ? '127.0.0.1' : 'localhost';
  return [[{ value, type, scope: type === 'ipv4' ? 'local-machine' : 'public', port: ctx.port() }]];
}
