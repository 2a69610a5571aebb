import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startPiecesSim, type PiecesSim } from '../../../e2e/sims/pieces';
import { silentLogger } from '../../core/log/logger';
import { discoverPiecesOs, piecesDefaultPorts, resolvePiecesBaseUrl } from './discovery';
import { piecesProvider } from './provider';
import { makeEndpoint, rejectionOf } from './test-support/harness';

const sims: PiecesSim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

/** A port that was free a moment ago and now has nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startSimOn(port: number): Promise<PiecesSim | undefined> {
  try {
    const sim = await startPiecesSim({ port });
    sims.push(sim);
    return sim;
  } catch {
    return undefined;
  }
}

describe('Pieces discovery', () => {
  it('uses the configured URL without scanning', async () => {
    const endpoint = { ...makeEndpoint('http://127.0.0.1:1'), url: 'http://127.0.0.1:1' };
    expect(await resolvePiecesBaseUrl(endpoint, silentLogger)).toBe('http://127.0.0.1:1');
  });

  it('finds Pieces OS by HEAD /.well-known/health in an injected port range', async () => {
    const sim = await startPiecesSim({ port: 0 });
    sims.push(sim);
    const ports = [await closedPort(), await closedPort(), sim.port, await closedPort()];
    expect(await discoverPiecesOs(silentLogger, { ports, batchSize: 2 })).toBe(sim.url);
    const endpoint = { ...makeEndpoint(''), url: '' };
    expect(await resolvePiecesBaseUrl(endpoint, silentLogger, { ports })).toBe(sim.url);
  });

  it('ignores a port that answers but not with a healthy Pieces OS', async () => {
    const unhealthy = await startPiecesSim({ port: 0 });
    sims.push(unhealthy);
    unhealthy.faults.fail5xx = true;
    const healthy = await startPiecesSim({ port: 0 });
    sims.push(healthy);
    expect(await discoverPiecesOs(silentLogger, { ports: [unhealthy.port, healthy.port] })).toBe(healthy.url);
  });

  it('says unreachable, with what to do, when nothing answers', async () => {
    const error = await rejectionOf(discoverPiecesOs(silentLogger, { ports: [await closedPort(), await closedPort()] }));
    expect(error).toMatchObject({ code: 'unreachable', hint: 'Start Pieces OS, or enter its URL' });
  });

  it('scans the real default range 39300-39333 through the provider', async (ctx) => {
    // Use the lowest free port of the range; skip when another process holds all of them.
    let ours: PiecesSim | undefined;
    for (const port of piecesDefaultPorts) if ((ours = await startSimOn(port))) break;
    if (!ours) return ctx.skip();
    const found = await piecesProvider.resolveBaseUrl!({ ...makeEndpoint(''), url: '' }, silentLogger);
    const foundPort = Number(new URL(found).port);
    // Another Pieces (or simulator) below ours would rightly win; ours is the lowest one we control.
    expect(foundPort).toBeGreaterThanOrEqual(39300);
    expect(foundPort).toBeLessThanOrEqual(ours.port);
    const health = await fetch(`${found}/.well-known/health`, { method: 'HEAD' });
    expect(health.status).toBe(200);
  });
});
