import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Server as HttpServer } from 'node:http';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeServer, listen } from '../common/listen';
import { createRng } from '../common/rng';
import { BackupStore } from './backup-store';
import { ResponseTracker } from './connections';
import type { ApplianceContext } from './context';
import type { ControlTarget } from './control-routes';
import { demoCredentials, deviceFor } from './device';
import { applyFaultsPatch, defaultFaults, resetFaults } from './faults';
import { selfSignedCertificate, type ApplianceCertificate } from './pki';
import { RebootController } from './reboot';
import { RequestLog } from './request-log';
import { notRunStatus } from './restore';
import { handleRequest } from './router';
import { Timers } from './timers';
import { TokenStore } from './tokens';
import type { ApplianceSim, ApplianceSimOptions, ApplianceSimState } from './types';

export type * from './types';
export { applianceCertName } from './pki';
export { writeBackupArchive, readArchiveMeta, type ArchiveMeta } from './archive';
export { errorIds } from './errors';

const HOST = '127.0.0.1';

/** A Riverbed-style appliance (AppResponse 11 / Portal) serving npm.backup 1.0 and mgmt.aaa over HTTPS on one loopback port. */
export async function startApplianceSim(options: ApplianceSimOptions = {}): Promise<ApplianceSim> {
  const timeScale = options.timeScale ?? 1;
  const seed = options.seed ?? 1;
  const random = createRng(seed);
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'appliance-sim-'));
  const faults = defaultFaults(timeScale);
  const timers = new Timers();
  const device = deviceFor(seed);
  const backupLimit = options.backupLimit ?? 2;
  const store = new BackupStore({
    dataDir,
    device,
    timers,
    faults,
    random,
    seed,
    timeScale,
    backupLimit,
    seededBackups: options.seededBackups ?? 1,
    seededBackupBytes: options.seededBackupBytes ?? 256 * 1024,
  });
  const startCert = selfSignedCertificate();
  let cert: ApplianceCertificate = startCert;
  // No request timeout: a multi-GiB upload over a throttled link takes as long as it takes.
  const server = createServer({ cert: cert.certPem, key: cert.keyPem, requestTimeout: 0 });
  let port = 0;
  const reboot = new RebootController(server, HOST, () => port, faults);
  const responses = new ResponseTracker(server);
  // Like a web server reloaded with a new certificate: existing keep-alive connections are retired.
  const useCertificate = (next: ApplianceCertificate) => {
    cert = next;
    server.setSecureContext({ cert: next.certPem, key: next.keyPem });
    responses.retireConnections();
  };

  const ctx: ApplianceContext = {
    device,
    timeScale,
    authVersions: options.authVersions ?? ['1.0', '2.0'],
    faults,
    tokens: new TokenStore(options.tokenLifetimeSeconds ?? 900),
    store,
    timers,
    log: new RequestLog(),
    reboot,
    responses,
    transfers: new Set(),
    credentials: { ...demoCredentials },
    restoreStatus: notRunStatus(),
    restores: 0,
    factoryResets: 0,
    regenerateCertificate: () => useCertificate(selfSignedCertificate()),
  };

  const state = (): ApplianceSimState => ({
    backups: store.list(),
    restoreStatus: { ...ctx.restoreStatus },
    rebooting: reboot.rebooting,
    rebootPhase: reboot.phase,
    factoryResets: ctx.factoryResets,
    restores: ctx.restores,
    liveAccessTokens: ctx.tokens.liveAccessCount(),
    requests: ctx.log.list(),
  });

  const reset = () => {
    timers.clear();
    reboot.abort();
    for (const socket of ctx.transfers) socket.destroy();
    ctx.transfers.clear();
    store.reseed();
    resetFaults(faults, timeScale);
    ctx.tokens.dropAll();
    ctx.credentials = { ...demoCredentials };
    ctx.restoreStatus = notRunStatus();
    ctx.restores = 0;
    ctx.factoryResets = 0;
    ctx.log.clear();
    if (cert !== startCert) useCertificate(startCert);
  };

  const url = () => `https://${HOST}:${port}`;
  const control: ControlTarget = {
    state,
    faults: () => ({ ...faults }),
    patchFaults: (patch) => applyFaultsPatch(faults, patch),
    reset,
    expireTokens: () => ctx.tokens.expireAccess(),
    regenerateCertificate: () => ctx.regenerateCertificate(),
    identity: () => ({ url: url(), certPem: cert.certPem, fingerprint256: cert.fingerprint256, credentials: { ...ctx.credentials } }),
  };

  server.on('request', (req, res) => {
    handleRequest(ctx, control, req, res).catch(() => res.destroy());
  });

  try {
    await store.prepareSeeds();
    // https.Server has the http.Server surface listen()/closeServer() use.
    port = await listen(server as unknown as HttpServer, options.port ?? 0, HOST);
  } catch (error) {
    reboot.shutdown();
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  let closed: Promise<void> | undefined;
  return {
    url: url(),
    port,
    get certPem() {
      return cert.certPem;
    },
    get fingerprint256() {
      return cert.fingerprint256;
    },
    get credentials() {
      return { ...ctx.credentials };
    },
    faults,
    get state() {
      return state();
    },
    expireTokens: control.expireTokens,
    regenerateCertificate: control.regenerateCertificate,
    reset,
    close() {
      closed ??= (async () => {
        timers.clear();
        reboot.shutdown();
        await closeServer(server as unknown as HttpServer);
        if (ownDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
      })();
      return closed;
    },
  };
}
