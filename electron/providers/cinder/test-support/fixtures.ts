import type { OpenStackSim } from '../../../../e2e/sims/openstack';
import { createCinderProvider } from '../provider';

/** Fast polling for simulator runs (timeScale 0.05: a backup takes ~0.25 s). */
export const fastCinder = createCinderProvider({ pollStartMs: 20, pollMaxMs: 100, cancelConfirmMs: 5_000, outageToleranceMs: 2_000 });

export function volumeNamed(sim: OpenStackSim, name: string) {
  const volume = sim.cinder.volumes().find((v) => v.name === name);
  if (!volume) throw new Error(`The simulator has no volume named ${name}`);
  return volume;
}

export const projectOf = (sim: OpenStackSim, who: 'admin' | 'member') => sim.credentials[who].projectId;

/** Requests to Cinder (not Keystone), as the simulator logged them. */
export const cinderRequests = (sim: OpenStackSim) => sim.requests().filter((r) => r.path.includes('/volume/'));
