import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '../common/listen';
import { createRng } from '../common/rng';
import { cloudRefusal, matchRoute } from './api-routes';
import { handleControl } from './control-routes';
import { defaultFaults, FaultSwitchboard, type Faults } from './faults';
import { makeResponder, readJsonBody, type BodyResult } from './http-io';
import { attachProgressSocket } from './progress-socket';
import { RequestLog, type RequestLogEntry } from './request-log';
import { delay } from './time';
import type { Asset, Backup, PlatformEnum } from './wire';
import { PiecesWorld, type LocalDatabase } from './world';

export type { Faults, FaultLevel } from './faults';
export type * from './wire';

export interface PiecesSimOptions {
  /** 0 = a random free port. Default 0. */
  port?: number;
  host?: '127.0.0.1';
  /** Multiplies simulated durations: 1 = a backup takes about 4 s; 0.1 = about 0.4 s. */
  timeScale?: number;
  /** Seeds backup sizes/dates and probabilistic faults. */
  seed?: number;
  /** What GET /.well-known/version answers and new backup ids start with. */
  version?: string;
  deviceName?: string;
}

export interface PiecesSimState {
  version: string;
  timeScale: number;
  backups: Backup[];
  assets: Asset[];
  /** Running and recently ended operations (ended ones still answer on /status for a while). */
  creations: Array<{ id: string; status: string; percentage: number }>;
  restorations: Array<{ id: string; status: string; percentage: number }>;
  localDatabase: LocalDatabase;
  assetBackups: Array<{ assetId: string; at: string }>;
  progressSubscribers: number;
  requests: RequestLogEntry[];
  faults: Faults;
}

export interface PiecesSim {
  readonly url: string;
  readonly port: number;
  /** Mutable switchboard: flip fields directly (`sim.faults.signedOut = true`). */
  readonly faults: Faults;
  readonly state: PiecesSimState;
  /** Back to the seeded backups with faults off. */
  reset(): void;
  close(): Promise<void>;
}

const platformOfHost: Record<string, PlatformEnum> = { darwin: 'MACOS', win32: 'WINDOWS', linux: 'LINUX' };

export async function startPiecesSim(options: PiecesSimOptions = {}): Promise<PiecesSim> {
  const host = options.host ?? '127.0.0.1';
  const random = createRng(options.seed ?? 1);
  const switchboard = new FaultSwitchboard(defaultFaults(), random);
  const world = new PiecesWorld(
    {
      timeScale: options.timeScale ?? 1,
      version: options.version ?? '11.2.0',
      deviceName: options.deviceName ?? 'sim-workstation',
      platform: platformOfHost[process.platform] ?? 'UNKNOWN',
      operationMs: 4_000,
      endedStatusRetentionMs: 2_000,
    },
    switchboard,
    random,
  );
  const log = new RequestLog();
  const server = createServer();
  const sockets = attachProgressSocket(server, { world, switchboard, log });

  const state = (): PiecesSimState => ({
    version: world.options.version,
    timeScale: world.options.timeScale,
    backups: world.listBackups(),
    assets: world.assets,
    creations: world.operationsSnapshot('creation'),
    restorations: world.operationsSnapshot('restoration'),
    localDatabase: { ...world.localDatabase },
    assetBackups: [...world.assetBackups],
    progressSubscribers: sockets.clientCount(),
    requests: log.list(),
    faults: { ...switchboard.faults },
  });
  const reset = () => {
    world.reset();
    switchboard.reset();
    log.clear();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    let bodyRead: Promise<BodyResult> | undefined;
    const body = () => (bodyRead ??= readJsonBody(req));
    if (path.startsWith('/__sim/')) {
      return handleControl(method, path, body, makeResponder(res, () => null), {
        state,
        faults: () => ({ ...switchboard.faults }),
        patchFaults: (patch) => Object.assign(switchboard.faults, patch),
        configure: (config) => Object.assign(world.options, config),
        reset,
      });
    }
    const entry = log.start(method, path);
    res.on('finish', () => (entry.status = res.statusCode));
    const faulted = switchboard.appliesTo(path);
    if (faulted && switchboard.faults.latencyMs > 0) await delay(switchboard.faults.latencyMs);
    if (res.destroyed) return;
    if (faulted && switchboard.take('dropConnections')) {
      entry.status = 'dropped';
      return req.socket.destroy();
    }
    const respond = makeResponder(res, () => (faulted && switchboard.take('malformedBodies') ? switchboard.faults.malformedStyle : null));
    if (faulted && switchboard.take('fail5xx')) return respond.text(500, switchboard.faults.fail5xxBody);
    const route = matchRoute(method, path);
    if (route === undefined) return respond.text(404, 'Not Found');
    if (route === 'method-not-allowed') return respond.text(405, 'Method Not Allowed');
    const refusal = route.cloud ? cloudRefusal(switchboard.faults) : undefined;
    if (refusal) return respond.text(refusal.status, refusal.text);
    await route.handle({ world, faults: switchboard.faults, req, res: respond, params: route.params, body });
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      const malformedPath = error instanceof URIError;
      makeResponder(res, () => null).text(malformedPath ? 400 : 500, malformedPath ? 'Bad Request' : `Simulator error: ${String(error)}`);
    });
  });

  const port = await listen(server, options.port ?? 0, host);
  let closed: Promise<void> | undefined;

  return {
    url: `http://${host}:${port}`,
    port,
    faults: switchboard.faults,
    get state() {
      return state();
    },
    reset,
    close() {
      if (!closed) {
        world.close();
        sockets.close();
        closed = closeServer(server);
      }
      return closed;
    },
  };
}
