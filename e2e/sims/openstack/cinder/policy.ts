import type { SimToken } from '../sim-service';
import { forbidden } from './model';

export const isAdmin = (token: SimToken) => token.roles.includes('admin');

/** Cinder's default policies: admin-only actions, and project-member actions a reader may not do. */
export function requireAdmin(token: SimToken, policy: string): void {
  if (!isAdmin(token)) throw forbidden(policy);
}

export function requireMember(token: SimToken, policy: string): void {
  if (!isAdmin(token) && !token.roles.includes('member')) throw forbidden(policy);
}
