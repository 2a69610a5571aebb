import type { Socket } from 'node:net';
import type { BackupStore } from './backup-store';
import type { ResponseTracker } from './connections';
import type { DeviceInfo } from './device';
import type { RebootController } from './reboot';
import type { RequestLog } from './request-log';
import type { Timers } from './timers';
import type { TokenStore } from './tokens';
import type { ApplianceCredentials, ApplianceFaults, WireRestoreStatus } from './types';

/** Everything the routes share: one per simulator. Mutable fields change on restore, factory reset and reset(). */
export interface ApplianceContext {
  readonly device: DeviceInfo;
  readonly timeScale: number;
  readonly authVersions: ReadonlyArray<'1.0' | '2.0'>;
  readonly faults: ApplianceFaults;
  readonly tokens: TokenStore;
  readonly store: BackupStore;
  readonly timers: Timers;
  readonly log: RequestLog;
  readonly reboot: RebootController;
  /** Every answer in flight (control routes too), for certificate changes. */
  readonly responses: ResponseTracker;
  /** Sockets carrying a file body right now (reset() cuts them). */
  readonly transfers: Set<Socket>;
  credentials: ApplianceCredentials;
  restoreStatus: WireRestoreStatus;
  restores: number;
  factoryResets: number;
  /** A new self-signed certificate from the next TLS handshake on (factory reset, regenerateCertificate()). */
  regenerateCertificate(): void;
}

export const epochSeconds = () => Math.floor(Date.now() / 1000);
