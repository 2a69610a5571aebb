import { describe, expect, it } from 'vitest';
import { useOpenStackSim } from '../openstack/test-support/harness';
import { cinderRequests, fastCinder } from './test-support/fixtures';

const { sim, context } = useOpenStackSim();

describe('Cinder microversion after the cloud changed', () => {
  it('drops the memoised microversion on a 406 and renegotiates once (it used to fail until restart)', async () => {
    const ctx = context('admin');
    await fastCinder.listBackups(ctx);
    sim().config.cinderMaxMicroversion = '3.40';
    const backups = await fastCinder.listBackups(ctx);
    expect(backups.length).toBeGreaterThan(0);
    const lists = cinderRequests(sim()).filter((r) => r.path.endsWith('/backups/detail'));
    expect(lists.map((r) => [r.apiVersion, r.status])).toEqual([
      ['volume 3.71', 200],
      ['volume 3.71', 406],
      ['volume 3.40', 200],
    ]);
  });

  it('the connection test reads the version document afresh', async () => {
    const ctx = context('admin');
    await fastCinder.listBackups(ctx);
    sim().config.cinderMaxMicroversion = '3.50';
    const test = await fastCinder.testConnection(ctx);
    expect(test).toMatchObject({ serverVersion: 'Cinder API 3.0 – 3.50 (using 3.50)' });
  });
});
