import type { VaultStatus } from '../../../shared/domain';

/**
 * Where credentials live. Only main holds one; values never cross to the renderer, the logs or
 * the endpoint config. Keys look like `endpoint/<id>/<field>`.
 */
export interface SecretStore {
  status(): VaultStatus;
  /** Passphrase vaults: creates the vault on first use, otherwise checks the passphrase. OS keychain: no-op. */
  unlock(passphrase: string): Promise<VaultStatus>;
  /** Throws AppError('vault-locked') while locked. */
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  deletePrefix(prefix: string): Promise<void>;
}

export const endpointSecretKey = (endpointId: string, field: string): string => `endpoint/${endpointId}/${field}`;
export const endpointSecretPrefix = (endpointId: string): string => `endpoint/${endpointId}/`;
