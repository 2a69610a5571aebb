import { codes, RpcError } from './rpc-errors';
import type { VersionProfile } from './versions';

// apiserver restrict_controller.go: what a login on `/api` (no model) may call.
const controllerFacades = new Set(['AllModelWatcher', 'Cloud', 'Controller', 'MigrationTarget', 'ModelManager', 'UserManager', 'Pinger']);
// Added to the controller connection's set in 3.x (commonFacadeNames).
const controllerFacades3 = new Set(['Bundle', 'HighAvailability', 'ModelConfig', 'CredentialManager', 'CharmHub']);

export function isControllerFacade(profile: VersionProfile, facade: string): boolean {
  return controllerFacades.has(facade) || (profile.major >= 3 && controllerFacades3.has(facade));
}

export function controllerOnlyRefusal(profile: VersionProfile, facade: string): RpcError | undefined {
  if (isControllerFacade(profile, facade)) return undefined;
  return new RpcError(`facade "${facade}" not supported for controller API connection`, codes.notSupported);
}
