import { startApplianceSim, type ApplianceSim, type ApplianceSimOptions } from './index';
import { ApplianceTestClient } from './test-client';

/** A simulator and a client that trusts its certificate: what the appliance simulator tests start from. */
export interface SimWithClient {
  sim: ApplianceSim;
  client: ApplianceTestClient;
}

export async function startSimWithClient(options: ApplianceSimOptions): Promise<SimWithClient> {
  const sim = await startApplianceSim(options);
  return { sim, client: new ApplianceTestClient(sim) };
}

/** Closes the client, then the simulator. */
export async function closeSimWithClient({ sim, client }: SimWithClient): Promise<void> {
  await client.close();
  await sim.close();
}

/** One test's own simulator and client (another token lifetime, a close to watch), closed afterwards whatever happens. */
export async function withSimAndClient<T>(options: ApplianceSimOptions, run: (started: SimWithClient) => Promise<T>): Promise<T> {
  const started = await startSimWithClient(options);
  try {
    return await run(started);
  } finally {
    await closeSimWithClient(started);
  }
}
