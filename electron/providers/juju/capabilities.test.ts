import { describe, expect, it } from 'vitest';
import { EndpointMemo } from '../../core/endpoint-memo';
import { rememberFacts, type ControllerFacts } from './controller-facts';
import { jujuCapabilities } from './info';
import { makeJujuContext, testProvider, useJujuSim } from './test-support/harness';

const endpoint = makeJujuContext({ url: 'https://10.0.0.5:17070', caPem: 'x' }).ctx.endpoint;

function capabilitiesFor(facts: Partial<ControllerFacts> & Pick<ControllerFacts, 'serverVersion' | 'backupsVersion'>) {
  const memo = new EndpointMemo();
  rememberFacts(memo, { modelUuid: 'm', controllerAccess: 'superuser', ...facts });
  return jujuCapabilities(endpoint, memo);
}

const on = (caps: ReturnType<typeof jujuCapabilities>) => Object.entries(caps).filter(([, c]) => c.enabled).map(([name]) => name).sort();

describe('Juju capabilities by controller version', () => {
  it('waits for a login before offering anything version-dependent', () => {
    const caps = jujuCapabilities(endpoint, new EndpointMemo());
    expect(on(caps)).toEqual([]);
    expect(caps.create.reason).toBe('Not connected yet: test the connection or list the backups first, so Backup Console knows which Juju version this controller runs.');
    expect(caps.cancelCreate.reason).toContain('Juju cannot stop a backup');
  });

  it.each([
    ['2.0.0', 1, ['create', 'delete', 'download', 'restore']],
    ['2.8.10', 2, ['create', 'delete', 'download', 'restore']],
    ['2.9.19', 2, ['create', 'delete', 'download', 'restore']],
    ['2.9.24', 2, ['create', 'delete', 'download']],
    ['2.9.40', 3, ['create', 'download']],
    ['3.6.14', 3, ['create', 'download']],
    ['4.0.12', 3, ['create']],
  ] as const)('Juju %s (Backups %i) offers %j', (serverVersion, backupsVersion, expected) => {
    expect(on(capabilitiesFor({ serverVersion, backupsVersion }))).toEqual([...expected]);
  });

  it('gives the reasons for what is missing', () => {
    const v36 = capabilitiesFor({ serverVersion: '3.6.14', backupsVersion: 3 });
    expect(v36.restore.reason).toMatch(/^Juju 3\.x restores are done out of band with juju-restore on the controller machine, not over the API: copy the downloaded backup file/);
    expect(v36.delete.reason).toContain('lives on disk only until it is downloaded');
    expect(capabilitiesFor({ serverVersion: '2.9.24', backupsVersion: 2 }).restore.reason).toContain('Juju 2.9.24 restores are done out of band');
    expect(capabilitiesFor({ serverVersion: '4.0.12', backupsVersion: 3 }).download.reason).toContain('does not serve backup downloads');
    expect(capabilitiesFor({ serverVersion: '3.6.14', backupsVersion: 0 }).create.reason).toContain('no Backups facade');
    expect(capabilitiesFor({ serverVersion: '3.6.14', backupsVersion: 3, controllerAccess: 'login' }).create.reason).toContain('need a controller superuser');
  });

  describe.each(['2.8.10', '3.6.14'] as const)('learnt from a login to Juju %s', (version) => {
    const juju = useJujuSim({ version });
    it('changes once the backups are listed', async () => {
      const ctx = juju.context();
      expect(on(testProvider.capabilities(ctx.endpoint, ctx.memo))).toEqual([]);
      await testProvider.listBackups(ctx);
      expect(on(testProvider.capabilities(ctx.endpoint, ctx.memo))).toEqual(version === '2.8.10' ? ['create', 'delete', 'download', 'restore'] : ['create', 'download']);
    });
  });
});
