// `npm run sims`: every endpoint simulator on loopback. Stdout carries exactly one JSON line per
// demo endpoint, in the app's import shape; everything else goes to stderr.
import { pathToFileURL } from 'node:url';
import type { EndpointConfigInput, EndpointSettings } from '../../shared/domain';
import { startApplianceSim, type ApplianceSim } from './appliance';
import { startJujuSim, type JujuSim, type JujuVersion } from './juju';
import { startOpenStackSim, type OpenStackSim } from './openstack';
import { startPiecesSim } from './pieces';

/** The import shape of one endpoint (`endpoints.import`): timeouts and TLS take their defaults. */
export type SimEndpoint = Required<Pick<EndpointConfigInput, 'kind' | 'name' | 'url'>> & {
  /**
   * A private CA the endpoint's TLS certificate is signed by (Juju controllers), or a self-signed
   * certificate accepted as itself, pinned by its SHA-256 fingerprint (appliances).
   */
  tls?: { caPem?: string; fingerprint256?: string };
  settings?: EndpointSettings;
  /** Demo secrets only: these simulators run on loopback with published passwords. */
  secrets?: Record<string, string>;
};

interface RunningSim {
  url: string;
  close(): Promise<void>;
}

interface SimDefinition<S extends RunningSim = RunningSim> {
  /** For logs. */
  label: string;
  /** Where the real product listens by default, so a demo looks like the real thing. */
  defaultPort: number;
  start(port: number, timeScale: number | undefined): Promise<S>;
  /** One simulator may stand for several endpoints (an OpenStack cloud: Cinder as admin and as member, Trove). */
  endpoints(sim: S): SimEndpoint[];
}

/** clouds.yaml-style settings (snake_case on purpose) for a password login on the simulated cloud. */
function openStackEndpoint(sim: OpenStackSim, kind: 'cinder' | 'trove', name: string, who: 'admin' | 'member'): SimEndpoint {
  const c = sim.credentials[who];
  return {
    kind,
    name,
    url: sim.authUrl,
    settings: {
      auth_type: 'password',
      username: c.username,
      user_domain_name: c.userDomainName,
      project_name: c.projectName,
      project_domain_name: 'Default',
      region_name: 'RegionOne',
      interface: 'public',
    },
    secrets: { password: c.password },
  };
}

const define = <S extends RunningSim>(definition: SimDefinition<S>) => definition as unknown as SimDefinition;

/**
 * A Juju controller as `juju show-controller` describes it: the app's Juju endpoints take the
 * api-endpoints address as https:// (one port serves the WebSocket API and the HTTPS downloads).
 */
export function jujuEndpoint(sim: JujuSim, name: string): SimEndpoint {
  return {
    kind: 'juju',
    name,
    url: `https://${sim.address}`,
    tls: { caPem: sim.caPem },
    settings: { username: sim.credentials.admin.username, model_uuid: sim.controllerModelUuid },
    secrets: { password: sim.credentials.admin.password },
  };
}

/**
 * A network appliance whose self-signed certificate the operator accepted: the certificate as its own
 * trust anchor and its exact fingerprint pinned (it names only appliance.sim.local, not 127.0.0.1).
 */
export function applianceEndpoint(sim: ApplianceSim, name: string): SimEndpoint {
  return {
    kind: 'appliance',
    name,
    url: sim.url,
    tls: { caPem: sim.certPem, fingerprint256: sim.fingerprint256 },
    settings: { username: sim.credentials.username },
    secrets: { password: sim.credentials.password },
  };
}

/** Demo Juju creates take 20 s × timeScale; a quarter keeps the demo brisk but visibly blocking. */
const jujuSim = (version: JujuVersion, label: string, defaultPort: number) =>
  define({
    label: `Juju ${label} controller`,
    defaultPort,
    start: (port, timeScale) => startJujuSim({ port, version, timeScale: timeScale ?? 0.25 }),
    endpoints: (sim: JujuSim) => [jujuEndpoint(sim, `Juju ${label} controller (simulator)`)],
  });

/** Adding a simulator: one entry here. */
const simulators: SimDefinition[] = [
  define({
    label: 'Pieces OS',
    defaultPort: 39300,
    start: (port, timeScale) => startPiecesSim({ port, timeScale }),
    endpoints: (sim) => [{ kind: 'pieces', name: 'Pieces OS (simulator)', url: sim.url }],
  }),
  define({
    label: 'OpenStack (Keystone, Cinder, Trove)',
    defaultPort: 5000,
    start: (port, timeScale) => startOpenStackSim({ port, timeScale }),
    endpoints: (sim: OpenStackSim) => [
      openStackEndpoint(sim, 'cinder', 'OpenStack Cinder (simulator, admin)', 'admin'),
      openStackEndpoint(sim, 'cinder', 'OpenStack Cinder (simulator, member)', 'member'),
      openStackEndpoint(sim, 'trove', 'OpenStack Trove (simulator)', 'admin'),
    ],
  }),
  jujuSim('2.8.10', '2.8', 17070),
  jujuSim('3.6.14', '3.6', 17071),
  // Half speed for the demo: a create takes 2.5 s, a restore's reboot refuses connections for 10 s.
  define({
    label: 'Network appliance (npm.backup 1.0)',
    defaultPort: 8443,
    start: (port, timeScale) => startApplianceSim({ port, timeScale: timeScale ?? 0.5 }),
    endpoints: (sim: ApplianceSim) => [applianceEndpoint(sim, 'Network appliance (simulator)')],
  }),
];

export interface StartAllOptions {
  /** Every simulator on a random free port instead of its product's default port. */
  randomPorts?: boolean;
  timeScale?: number;
  log?: (line: string) => void;
}

export interface RunningSims {
  endpoints: SimEndpoint[];
  close(): Promise<void>;
}

function isAddressInUse(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EADDRINUSE';
}

export async function startAllSims(options: StartAllOptions = {}): Promise<RunningSims> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const running: RunningSim[] = [];
  const endpoints: SimEndpoint[] = [];
  try {
    for (const sim of simulators) {
      let started: RunningSim;
      if (options.randomPorts) started = await sim.start(0, options.timeScale);
      else {
        started = await sim.start(sim.defaultPort, options.timeScale).catch((error: unknown) => {
          if (!isAddressInUse(error)) throw error;
          log(`${sim.label}: port ${sim.defaultPort} is busy, using a random port.`);
          return sim.start(0, options.timeScale);
        });
      }
      running.push(started);
      endpoints.push(...sim.endpoints(started));
      log(`${sim.label} simulator listening at ${started.url}`);
    }
  } catch (error) {
    await Promise.all(running.map((r) => r.close()));
    throw error;
  }
  return { endpoints, close: async () => void (await Promise.all(running.map((r) => r.close()))) };
}

async function main(): Promise<void> {
  const sims = await startAllSims({ randomPorts: process.argv.includes('--random-ports') });
  for (const endpoint of sims.endpoints) process.stdout.write(JSON.stringify(endpoint) + '\n');
  const stop = (signal: string) => {
    process.stderr.write(`${signal}: stopping the simulators.\n`);
    void sims.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`Could not start the simulators: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
