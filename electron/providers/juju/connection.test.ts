import { describe, expect, it } from 'vitest';
import { EndpointMemo } from '../../core/endpoint-memo';
import { knownFacts } from './controller-facts';
import { rejectionOf, testProvider, useJujuSim } from './test-support/harness';

const otherCa = `-----BEGIN CERTIFICATE-----
MIIBdjCCAR2gAwIBAgIUUbV8x1kq0Bq1k9ZbJ2v9tB5qGVowCgYIKoZIzj0EAwIw
ETEPMA0GA1UEAwwGb3RoZXIwHhcNMjQwMTAxMDAwMDAwWhcNMzQwMTAxMDAwMDAw
WjARMQ8wDQYDVQQDDAZvdGhlcjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABFqS
-----END CERTIFICATE-----`;

describe.each(['2.8.10', '3.6.14'] as const)('signing in to a Juju %s controller', (version) => {
  const juju = useJujuSim({ version });
  const modelLogins = () => juju.sim().state.requests.filter((r) => r.call === 'Admin(3).Login');

  it('finds the controller model through /api, logs in there with Admin.Login v3, and reports the version', async () => {
    const ctx = juju.context();
    const result = await testProvider.testConnection(ctx);
    expect(result).toMatchObject({ ok: true, serverVersion: `Juju ${version}` });
    expect(result.message).toContain(juju.sim().controllerModelUuid);
    const paths = modelLogins().map((r) => r.path);
    expect(paths[0]).toBe('/api');
    expect(paths.at(-1)).toBe(`/model/${juju.sim().controllerModelUuid}/api`);
    // The client version sent on the model connection is the controller's own, learnt on /api.
    expect((modelLogins().at(-1)!.params as Record<string, unknown>)['client-version']).toBe(version);
    expect(knownFacts(ctx.memo)).toMatchObject({ serverVersion: version, backupsVersion: version === '2.8.10' ? 2 : 3, modelUuid: juju.sim().controllerModelUuid, controllerAccess: 'superuser' });
  });

  it('remembers the discovered model, so the next login goes straight to it', async () => {
    const memo = new EndpointMemo();
    await testProvider.listBackups(juju.context('admin', { memo }));
    juju.sim().reset();
    await testProvider.listBackups(juju.context('admin', { memo }));
    expect(modelLogins().map((r) => r.path)).toEqual([`/model/${juju.sim().controllerModelUuid}/api`]);
  });

  it('uses the configured model and version without asking /api', async () => {
    const ctx = juju.context('admin', { settings: { model_uuid: juju.sim().controllerModelUuid, agent_version: version } });
    await testProvider.listBackups(ctx);
    expect(modelLogins().map((r) => r.path)).toEqual([`/model/${juju.sim().controllerModelUuid}/api`]);
  });

  it('says the password is wrong, without echoing it', async () => {
    const result = await testProvider.testConnection(juju.context('admin', { secrets: { password: 'not-the-password' } }));
    expect(result.ok).toBe(false);
    expect(result.message).toBe('The controller refused user admin: wrong user name or password.');
    expect(result.hint).toContain('juju show-controller --show-password');
    expect(JSON.stringify(result)).not.toContain('not-the-password');
  });

  it('says a non-superuser cannot use backups, and how to grant it', async () => {
    const ctx = juju.context('nonSuperuser');
    const result = await testProvider.testConnection(ctx);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('backups need a controller superuser');
    expect(result.hint).toContain('juju grant bob superuser');
    const caps = testProvider.capabilities(ctx.endpoint, ctx.memo);
    expect(caps.create).toMatchObject({ enabled: false, reason: expect.stringContaining('superuser') });
    const refusal = await rejectionOf(testProvider.listBackups(juju.context('nonSuperuser', { settings: { model_uuid: juju.sim().controllerModelUuid } })));
    expect(refusal).toMatchObject({ code: 'forbidden', hint: expect.stringContaining('juju grant bob superuser') });
  });

  it('says a hosted model is not the controller model', async () => {
    const result = await testProvider.testConnection(juju.context('admin', { settings: { model_uuid: juju.sim().defaultModelUuid } }));
    expect(result.ok).toBe(false);
    expect(result.message).toContain(`Model ${juju.sim().defaultModelUuid} is not the controller model`);
    expect(result.hint).toContain('Controller model UUID');
  });

  it('says when the model does not exist on the controller', async () => {
    const result = await testProvider.testConnection(juju.context('admin', { settings: { model_uuid: '00000000-0000-4000-8000-000000000000' } }));
    expect(result).toMatchObject({ ok: false, message: 'The controller has no model 00000000-0000-4000-8000-000000000000.' });
  });

  it('refuses a controller whose certificate the configured CA did not sign', async () => {
    const ctx = juju.context('admin', { caPem: otherCa });
    const refusal = await rejectionOf(testProvider.listBackups(ctx));
    expect(refusal).toMatchObject({ code: 'tls', hint: expect.stringContaining('ca-cert') });
    expect(juju.sim().state.requests).toEqual([]);
  });

  it('says the CA certificate is required when it is missing', async () => {
    const refusal = await rejectionOf(testProvider.listBackups(juju.context('admin', { caPem: '' })));
    expect(refusal).toMatchObject({ code: 'validation', message: expect.stringContaining("CA certificate is missing") });
  });

  it('names the new addresses when the controller redirects the login', async () => {
    juju.sim().faults.redirect = 1;
    const refusal = await rejectionOf(testProvider.listBackups(juju.context('admin', { settings: { model_uuid: juju.sim().controllerModelUuid } })));
    expect(refusal).toMatchObject({ code: 'unreachable', message: expect.stringContaining('redirects user admin to another controller at') });
  });
});

describe('client version negotiation', () => {
  const juju = useJujuSim({ version: '2.8.10' });

  it('reconnects with the controller version when a guessed client version has another major', async () => {
    const ctx = juju.context('admin', { settings: { model_uuid: juju.sim().controllerModelUuid } });
    await testProvider.listBackups(ctx);
    const sent = juju.sim().state.requests.filter((r) => r.call === 'Admin(3).Login').map((r) => (r.params as Record<string, unknown>)['client-version']);
    expect(sent).toEqual(['3.6.14', '2.8.10']);
    expect(knownFacts(ctx.memo)?.serverVersion).toBe('2.8.10');
  });
});
