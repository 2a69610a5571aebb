import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { Socket } from 'node:net';
import { closeServer, listen } from '../common/listen';
import { createRng } from '../common/rng';
import { BackupStore } from './backup-store';
import type { SimContext, SimUser } from './context';
import { handleBackupsHttp } from './download-route';
import { JujuFaultSwitchboard } from './faults';
import { controllerPki } from './pki';
import { RequestLog } from './request-log';
import { attachRpcSockets } from './rpc-socket';
import { showControllerYaml } from './show-controller';
import type { JujuCredentials, JujuSim, JujuSimOptions, JujuSimState } from './types';
import { versionProfiles } from './versions';

export type * from './types';
export type { JujuFaults, FaultLevel } from './faults';
export type { RpcLogEntry } from './request-log';

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const secret = (random: () => number) => Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');

/** A Juju controller (apiserver) on one loopback TLS port: RPC over WebSocket plus the HTTPS backup download. */
export async function startJujuSim(options: JujuSimOptions = {}): Promise<JujuSim> {
  const host = options.host ?? '127.0.0.1';
  const profile = versionProfiles[options.version ?? '3.6.14'];
  const timeScale = options.timeScale ?? 1;
  // The version is mixed in so two controllers of different versions never share uuids or passwords.
  const random = createRng((options.seed ?? 1) * 1_000 + profile.major * 100 + profile.minor);
  const pki = controllerPki();
  const users: Record<string, SimUser> = {
    admin: { password: secret(random), displayName: 'admin', controllerAccess: 'superuser', modelAccess: 'admin', models: ['controller', 'default'] },
    bob: { password: secret(random), displayName: 'Bob', controllerAccess: 'login', modelAccess: 'read', models: ['controller', 'default'] },
  };
  const controllerUuid = uuid(random);
  const controllerModelUuid = uuid(random);
  const defaultModelUuid = uuid(random);
  // Drawn after the uuids so the seeded admin/bob passwords and uuids stay as they were.
  // `juju grant carol superuser` without `juju grant carol admin controller`: she sees only "default" in ListModels.
  users.carol = { password: secret(random), displayName: 'Carol', controllerAccess: 'superuser', modelAccess: 'admin', models: ['default'] };
  const switchboard = new JujuFaultSwitchboard(timeScale, random);
  const createMs = options.createMs ?? 20_000;
  const store = new BackupStore({ profile, controllerUuid, controllerModelUuid, caPem: pki.caPem, archiveBytes: options.archiveBytes ?? 2 * 1024 * 1024, createMs });
  const log = new RequestLog();
  const server = createServer({ cert: pki.serverCertPem, key: pki.serverKeyPem });
  const tcpSockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let apiServerDown = false;
  let port = 0;

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const ctx: SimContext = {
    profile,
    controllerUuid,
    controllerModelUuid,
    defaultModelUuid,
    caPem: pki.caPem,
    port: () => port,
    users,
    store,
    switchboard,
    timeScale,
    createMs,
    restartForRestore(backupId) {
      later(switchboard.faults.restoreWorkMs, () => {
        apiServerDown = true;
        for (const socket of tcpSockets) socket.destroy();
        later(switchboard.faults.restoreDownMs, () => {
          apiServerDown = false;
          // The restored database holds the users' passwords of the backup's time.
          for (const [name, password] of Object.entries(store.passwordsAt(backupId))) if (users[name]) users[name].password = password;
          store.restoreStatus = 'RESTORED';
          store.restores.push({ backupId, at: new Date().toISOString() });
        });
      });
    },
  };

  // While "restarting" nothing listens: new connections are cut before TLS.
  server.on('connection', (socket: Socket) => {
    if (apiServerDown) return void socket.destroy();
    tcpSockets.add(socket);
    socket.on('close', () => tcpSockets.delete(socket));
  });
  const sockets = attachRpcSockets(server, { ctx, log });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const modelUuid = /^\/model\/([^/]+)\/backups$/.exec(new URL(req.url ?? '/', 'https://sim').pathname)?.[1];
    if (modelUuid === undefined) return void res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 page not found\n');
    handleBackupsHttp(ctx, log, req, res, modelUuid).catch(() => res.destroy());
  });

  // https.Server has the http.Server surface listen()/closeServer() use (listen, close, closeAllConnections).
  port = await listen(server as unknown as HttpServer, options.port ?? 0, host);
  const credentials: JujuCredentials = {
    admin: { username: 'admin', password: users.admin.password },
    nonSuperuser: { username: 'bob', password: users.bob.password },
    superuserWithoutModelAccess: { username: 'carol', password: users.carol.password },
  };
  let closed: Promise<void> | undefined;
  const originalPasswords = Object.fromEntries(Object.entries(users).map(([name, user]) => [name, user.password]));

  const state = (): JujuSimState => ({
    version: profile.version,
    timeScale,
    backups: store.list(),
    pendingFiles: store.pendingFiles(),
    created: [...store.created],
    downloads: [...store.downloads],
    restores: [...store.restores],
    restoreStatus: store.restoreStatus,
    apiServerDown,
    openSockets: sockets.clientCount(),
    requests: log.list(),
    faults: { ...switchboard.faults },
  });

  return {
    address: `${host}:${port}`,
    url: `wss://${host}:${port}`,
    port,
    caPem: pki.caPem,
    controllerUuid,
    controllerModelUuid,
    defaultModelUuid,
    version: profile.version,
    credentials,
    faults: switchboard.faults,
    get state() {
      return state();
    },
    showControllerYaml: (name = `sim-juju-${profile.major}${profile.minor}`) => showControllerYaml(ctx, name),
    setPassword(username, password) {
      if (!users[username]) throw new Error(`The simulator has no user ${username}`);
      users[username].password = password;
    },
    reset() {
      // A restore's pending API-server restart must not carry over into the next test.
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      apiServerDown = false;
      for (const [name, password] of Object.entries(originalPasswords)) users[name].password = password;
      store.reset();
      switchboard.reset();
      log.clear();
    },
    close() {
      if (!closed) {
        for (const timer of timers) clearTimeout(timer);
        sockets.close();
        closed = closeServer(server as unknown as HttpServer);
      }
      return closed;
    },
  };
}
