import type { CatalogEntry } from './keystone-wire';

/** What a Keystone sign-in gave us; kept in the endpoint memo, never logged (it holds the token). */
export interface KeystoneSession {
  token: string;
  /** On the LOCAL clock: when the token arrived + its lifetime (never the server's expires_at, which a skewed workstation clock misreads). */
  expiresAtMs: number;
  /** expires_at − issued_at, both on the server's clock: how long tokens live on this cloud. */
  lifetimeMs: number;
  roles: string[];
  catalog: CatalogEntry[];
  projectId: string;
  projectName?: string;
  userId: string;
  userName?: string;
}

export const sessionMemoKey = 'openstack.session';
