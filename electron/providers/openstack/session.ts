import type { CatalogEntry } from './keystone-wire';

/** What a Keystone sign-in gave us; kept in the endpoint memo, never logged (it holds the token). */
export interface KeystoneSession {
  token: string;
  expiresAtMs: number;
  /** expires_at − issued_at: how long tokens live on this cloud. */
  lifetimeMs: number;
  roles: string[];
  catalog: CatalogEntry[];
  projectId: string;
  projectName?: string;
  userId: string;
  userName?: string;
}

export const sessionMemoKey = 'openstack.session';
