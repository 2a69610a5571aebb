import type { EndpointMemo } from '../../core/endpoint-memo';
import { sessionMemoKey, type KeystoneSession } from './session';

/** Keystone's default admin role; role names are case-insensitive in Keystone. */
export function isAdminRole(roles: readonly string[]): boolean {
  return roles.some((role) => role.toLowerCase() === 'admin');
}

/** The roles of the endpoint's last sign-in; undefined until it has signed in. */
export function knownRoles(memo: EndpointMemo): readonly string[] | undefined {
  return memo.get<KeystoneSession>(sessionMemoKey)?.roles;
}

/** Whether the signed-in user is a cloud admin; undefined = not signed in yet. */
export function isAdmin(memo: EndpointMemo): boolean | undefined {
  const roles = knownRoles(memo);
  return roles === undefined ? undefined : isAdminRole(roles);
}
