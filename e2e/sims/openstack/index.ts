import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '../common/listen';
import { createRng } from '../common/rng';
import { createCinderService } from './cinder';
import type { ControlTarget } from './control-routes';
import { defaultFaults, FaultSwitchboard } from './faults';
import { applicationCredentials, projects, users } from './keystone/identity-data';
import { TokenStore } from './keystone/tokens';
import { RequestLog } from './request-log';
import { createRequestHandler } from './server';
import type { SimServiceEnv } from './sim-service';
import { createTroveService } from './trove';
import type { OpenStackCredentials, OpenStackSim, OpenStackSimConfig, OpenStackSimOptions } from './types';

export type * from './types';
export type { OpenStackFaults, FaultLevel } from './faults';
export type { OpenStackRequestLogEntry } from './request-log';
export type { BackupRecord, VolumeRecord, SnapshotRecord, CinderWorld } from './cinder';
export { cloudsYamlFor } from './clouds-yaml';

export const credentials: OpenStackCredentials = {
  admin: { username: 'admin', password: users.admin.password, userDomainName: 'Default', projectName: 'admin', projectId: projects.admin.id, userId: users.admin.id },
  member: { username: 'demo', password: users.demo.password, userDomainName: 'Default', projectName: 'demo', projectId: projects.demo.id, userId: users.demo.id },
  appCredential: {
    id: applicationCredentials[0].id,
    name: applicationCredentials[0].name,
    secret: applicationCredentials[0].secret,
    projectId: applicationCredentials[0].projectId,
    userId: applicationCredentials[0].userId,
  },
};

/** Keystone v3 + Cinder v3 + Trove v1.0 on one loopback port, laid out like devstack. */
export async function startOpenStackSim(options: OpenStackSimOptions = {}): Promise<OpenStackSim> {
  const host = options.host ?? '127.0.0.1';
  const random = createRng(options.seed ?? 1);
  const initialConfig: OpenStackSimConfig = {
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    cinderMaxMicroversion: options.cinderMaxMicroversion ?? '3.71',
    timeScale: options.timeScale ?? 1,
  };
  const config: OpenStackSimConfig = { ...initialConfig };
  const switchboard = new FaultSwitchboard(defaultFaults(), random);
  const env: SimServiceEnv = { timeScale: () => config.timeScale, random, now: () => Date.now() };
  const cinder = createCinderService(env, { faults: () => switchboard.faults, maxMicroversion: () => config.cinderMaxMicroversion });
  const trove = createTroveService(env);
  const services = [cinder, trove];
  const tokens = new TokenStore(() => Date.now());
  const log = new RequestLog();
  let baseUrl = '';

  const reset = () => {
    for (const service of services) service.reset();
    switchboard.reset();
    Object.assign(config, initialConfig);
    log.clear();
  };
  const control: ControlTarget = {
    state: () => ({
      config: { ...config },
      faults: { ...switchboard.faults },
      liveTokens: tokens.count(),
      cinder: cinder.control('GET', '/state', undefined)?.body,
      trove: trove.control('GET', '/state', undefined)?.body,
      requests: log.list(),
    }),
    faults: () => ({ ...switchboard.faults }),
    patchFaults: (patch) => Object.assign(switchboard.faults, patch),
    config: () => ({ ...config }),
    patchConfig: (patch) => Object.assign(config, patch),
    requests: () => log.list(),
    reset,
    revokeTokens: () => tokens.revokeAll(),
    services: { cinder, trove },
  };

  const handle = createRequestHandler({ baseUrl: () => baseUrl, switchboard, log, tokens, tokenTtlSeconds: () => config.tokenTtlSeconds, services, control });
  const server = createServer();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      const malformedPath = error instanceof URIError;
      res.writeHead(malformedPath ? 400 : 500, { 'content-type': 'text/plain; charset=utf-8' }).end(malformedPath ? 'Bad Request' : `Simulator error: ${String(error)}`);
    });
  });
  const port = await listen(server, options.port ?? 0, host);
  baseUrl = `http://${host}:${port}`;
  let closed: Promise<void> | undefined;

  return {
    url: baseUrl,
    authUrl: `${baseUrl}/identity/v3`,
    port,
    credentials,
    config,
    faults: switchboard.faults,
    cinder: cinder.world,
    trove: trove.world,
    requests: () => log.list(),
    revokeTokens: () => tokens.revokeAll(),
    reset,
    close() {
      if (!closed) {
        for (const service of services) service.close();
        closed = closeServer(server);
      }
      return closed;
    },
  };
}
