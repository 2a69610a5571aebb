// `npm run sims`: every endpoint simulator on loopback. Stdout carries exactly one JSON line per
// demo endpoint, in the app's import shape; everything else goes to stderr.
import { pathToFileURL } from 'node:url';
import type { EndpointConfigInput, EndpointKind } from '../../shared/domain';
import { startPiecesSim } from './pieces';

interface RunningSim {
  url: string;
  close(): Promise<void>;
}

interface SimDefinition {
  kind: EndpointKind;
  name: string;
  /** Where the real product listens by default, so a demo looks like the real thing. */
  defaultPort: number;
  start(port: number, timeScale: number | undefined): Promise<RunningSim>;
}

/** Adding a kind: one line here. */
const simulators: SimDefinition[] = [
  { kind: 'pieces', name: 'Pieces OS (simulator)', defaultPort: 39300, start: (port, timeScale) => startPiecesSim({ port, timeScale }) },
];

export interface StartAllOptions {
  /** Every simulator on a random free port instead of its product's default port. */
  randomPorts?: boolean;
  timeScale?: number;
  log?: (line: string) => void;
}

/** The import shape of one endpoint (kind, name, url); timeouts and TLS take their defaults. */
export type SimEndpoint = Required<Pick<EndpointConfigInput, 'kind' | 'name' | 'url'>>;

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
          log(`${sim.name}: port ${sim.defaultPort} is busy, using a random port.`);
          return sim.start(0, options.timeScale);
        });
      }
      running.push(started);
      endpoints.push({ kind: sim.kind, name: sim.name, url: started.url });
      log(`${sim.name} listening at ${started.url}`);
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
