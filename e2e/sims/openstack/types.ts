import type { CinderWorld } from './cinder';
import type { OpenStackFaults } from './faults';
import type { OpenStackRequestLogEntry } from './request-log';
import type { TroveService } from './trove';

export interface OpenStackSimOptions {
  /** 0 = a random free port. Default 0. */
  port?: number;
  host?: '127.0.0.1';
  /** Multiplies simulated durations: 1 = a Cinder backup takes about 5 s; 0.05 = about 0.25 s. */
  timeScale?: number;
  /** Seeds ids, sizes and probabilistic faults. */
  seed?: number;
  /** What Cinder advertises and accepts as its newest microversion. Default '3.71'. */
  cinderMaxMicroversion?: string;
  /** Keystone `[token] expiration`. Default 3600. */
  tokenTtlSeconds?: number;
}

export interface OpenStackSimConfig {
  tokenTtlSeconds: number;
  cinderMaxMicroversion: string;
  timeScale: number;
}

export interface PasswordCredentials {
  username: string;
  password: string;
  userDomainName: string;
  projectName: string;
  projectId: string;
  userId: string;
}

export interface OpenStackCredentials {
  admin: PasswordCredentials;
  member: PasswordCredentials;
  /** Belongs to user demo, scoped to project demo, roles member + reader. */
  appCredential: { id: string; name: string; secret: string; projectId: string; userId: string };
}

export interface OpenStackSim {
  readonly url: string;
  /** `${url}/identity/v3` */
  readonly authUrl: string;
  readonly port: number;
  readonly credentials: OpenStackCredentials;
  /** Mutable: read on every request. */
  readonly config: OpenStackSimConfig;
  /** Mutable switchboard: flip fields directly (`sim.faults.keystoneDown = true`). */
  readonly faults: OpenStackFaults;
  readonly cinder: CinderWorld;
  readonly trove: TroveService['world'];
  requests(): OpenStackRequestLogEntry[];
  /** Every token issued so far becomes invalid (401 everywhere). */
  revokeTokens(): void;
  /** Seeded data back, faults off, config back to the start options, request log cleared. Tokens stay valid. */
  reset(): void;
  close(): Promise<void>;
}
