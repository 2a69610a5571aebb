import type { SimService, SimServiceEnv } from '../sim-service';
import type { CinderFaultView } from './backup-operations';
import { cinderControl } from './control';
import { parseMaxMicroversion } from './microversion';
import { isVersionDocument, routeCinder } from './router';
import { CinderWorld } from './world';

export type { BackupRecord, VolumeRecord, SnapshotRecord, BackupStatus, VolumeStatus } from './model';
export type { CinderWorld } from './world';

export interface CinderServiceOptions {
  /** Read on every request, so tests can flip faults and the max microversion while running. */
  faults?: () => CinderFaultView;
  maxMicroversion?: () => string;
}

const noFaults: CinderFaultView = { cinderCreateFails: null, cinderRestoreFails: false, forceDeleteUnsupported: false, quotaExceeded: false };

/** Cinder v3 (volume backups, plus the volumes and snapshots they come from), mounted at /volume. */
export function createCinderService(env: SimServiceEnv, options: CinderServiceOptions = {}): SimService & { world: CinderWorld } {
  const world = new CinderWorld(env);
  const faults = options.faults ?? (() => noFaults);
  const max = options.maxMicroversion ?? (() => '3.71');
  return {
    prefix: '/volume',
    world,
    isPublic: (method, path) => isVersionDocument(method, path),
    handle: (req, res) => routeCinder(req, res, world, faults(), parseMaxMicroversion(max())),
    control: (method, path, body) => cinderControl(world, method, path, body),
    reset: () => world.reset(),
    close: () => world.cancelAll(),
  };
}
