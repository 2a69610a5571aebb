import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { endpointConfigSchema } from '../../shared/domain';
import { startAllSims } from './run-all';

describe('startAllSims', () => {
  it('starts every simulator and returns importable endpoints', async () => {
    const logs: string[] = [];
    const sims = await startAllSims({ randomPorts: true, log: (line) => logs.push(line) });
    try {
      expect(sims.endpoints.map((e) => e.kind)).toEqual(['pieces']);
      for (const endpoint of sims.endpoints) {
        expect(endpointConfigSchema.safeParse(endpoint).success).toBe(true);
        expect((await fetch(`${endpoint.url}/.well-known/health`)).status).toBe(200);
      }
      expect(logs.length).toBeGreaterThan(0);
    } finally {
      await sims.close();
    }
    await expect(fetch(`${sims.endpoints[0].url}/.well-known/health`)).rejects.toThrow();
  });
});

describe('npm run sims (run-all.ts as a program)', () => {
  it('prints one JSON line per endpoint on stdout, nothing else, and stops on SIGTERM', async () => {
    const script = fileURLToPath(new URL('./run-all.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--random-ports'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: string[] = [];
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => stdout.push(line));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 10_000;
    while (stdout.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stdout).toHaveLength(1);
    const endpoint = JSON.parse(stdout[0]) as { kind: string; name: string; url: string };
    expect(Object.keys(endpoint)).toEqual(['kind', 'name', 'url']);
    expect(endpoint).toMatchObject({ kind: 'pieces', name: 'Pieces OS (simulator)' });
    expect((await fetch(`${endpoint.url}/.well-known/version`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toHaveLength(1);
  });
});
