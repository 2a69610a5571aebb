import { describe, expect, it } from 'vitest';
import { parseWire } from '../../core/http/http-client';
import { authRequestBody, subjectToken } from './keystone-auth';
import { catalogResponseSchema, tokenResponseSchema } from './keystone-wire';
import { parseOpenStackSettings } from './settings';
import { readJsonSample, readSample, sampleFiles } from './test-support/samples';

const files = sampleFiles('keystone');

describe('Keystone reference samples', () => {
  it('finds the samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files.filter((f) => /response\.json$/.test(f) && !f.includes('catalog')))('parses token response %s', (file) => {
    const token = parseWire(tokenResponseSchema, readJsonSample('keystone', file), file).token;
    expect(token.expires_at).toBe('2015-11-07T02:58:43.578887Z');
    expect(token.roles.map((r) => r.name)).toContain('admin');
    expect(token.project?.id).toBe('a6944d763bf64ee6a275f1263fae0352');
    expect(token.catalog.find((c) => c.type === 'identity')?.endpoints.map((e) => e.interface)).toEqual(expect.arrayContaining(['public', 'internal', 'admin']));
  });

  it('parses the service catalog response', () => {
    const catalog = parseWire(catalogResponseSchema, readJsonSample('keystone', 'admin_get-service-catalog-response.json'), 'catalog').catalog;
    expect(catalog[0]).toMatchObject({ type: 'identity', name: 'keystone' });
    expect(catalog[0]!.endpoints).toHaveLength(3);
  });

  it('reads the token from the X-Subject-Token header of the recorded HTTP answer', () => {
    const lines = readSample('keystone', 'admin_auth-password-user-name-unscoped-response-HTTP.txt').split(/\r?\n/).slice(1);
    const headers = Object.fromEntries(lines.filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    expect(subjectToken(headers)).toBe('ffe47524401e4d61adc7310f7e5b6191');
    expect(subjectToken({ 'content-type': 'application/json' })).toBeUndefined();
  });

  it('builds the same password request bodies as the samples', () => {
    const byIds = parseOpenStackSettings({ user_id: 'ee4dfb6e5540447cb3741905149d9b6e', project_id: 'a6944d763bf64ee6a275f1263fae0352' });
    expect(authRequestBody(byIds, { password: 'devstacker' })).toEqual(readJsonSample('keystone', 'auth_requests_project-id-password.json'));
    const byName = parseOpenStackSettings({ user_id: 'ee4dfb6e5540447cb3741905149d9b6e', project_name: 'admin', project_domain_id: 'default' });
    expect(authRequestBody(byName, { password: 'devstacker' })).toEqual(readJsonSample('keystone', 'auth_requests_project-name-password.json'));
  });

  it('builds application-credential bodies without a scope', () => {
    const byId = parseOpenStackSettings({ auth_type: 'v3applicationcredential', application_credential_id: 'ac1' });
    expect(authRequestBody(byId, { application_credential_secret: 's3cret' })).toEqual({
      auth: { identity: { methods: ['application_credential'], application_credential: { id: 'ac1', secret: 's3cret' } } },
    });
    const byName = parseOpenStackSettings({ auth_type: 'v3applicationcredential', application_credential_name: 'backups', username: 'demo', user_domain_name: 'Default' });
    expect(authRequestBody(byName, { application_credential_secret: 's3cret' })).toEqual({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { name: 'backups', user: { name: 'demo', domain: { name: 'Default' } }, secret: 's3cret' },
        },
      },
    });
  });

  it('refuses to sign in without the secret, saying which one', () => {
    const settings = parseOpenStackSettings({ username: 'demo', user_domain_name: 'Default', project_id: 'p' });
    expect(() => authRequestBody(settings, {})).toThrow(/No password is stored/);
  });
});
