import { describe, expect, it } from 'vitest';
import { parseCloudsYaml } from './clouds-yaml';
import { openStackSettingsSchema } from './settings';

const file = `
clouds:
  devstack:
    auth:
      auth_url: http://10.0.0.5/identity
      username: demo
      password: "s3cr3t pass"
      project_name: demo
      domain_name: Default
      project_domain_id: default
    region_name: RegionOne
    interface: internal
    identity_api_version: 3
  appcred:
    auth_type: v3applicationcredential
    auth:
      auth_url: https://cloud.example.com:5000/v3
      application_credential_id: 21dced0fd20347869b93710d2b98aae0
      application_credential_secret: topsecret
    regions:
      - RegionTwo
    verify: false
    cacert: /etc/ssl/cloud-ca.pem
    profile: vexxhost
    compute_api_version: 2.1
`;

describe('clouds.yaml import', () => {
  it('lists the clouds without choosing when there are several', () => {
    expect(parseCloudsYaml(file)).toEqual({ clouds: ['devstack', 'appcred'] });
  });

  it('maps a password cloud: URL, settings, secret; domain_name fills the user domain, explicit project domain wins', () => {
    const { entry } = parseCloudsYaml(file, 'devstack');
    expect(entry).toEqual({
      url: 'http://10.0.0.5/identity',
      settings: {
        auth_type: 'password',
        username: 'demo',
        project_name: 'demo',
        project_domain_id: 'default',
        user_domain_name: 'Default',
        project_domain_name: 'Default',
        region_name: 'RegionOne',
        interface: 'internal',
      },
      secrets: { password: 's3cr3t pass' },
      warnings: [],
    });
    expect(openStackSettingsSchema.safeParse(entry!.settings).success).toBe(true);
  });

  it('maps an application credential and warns about what cannot be carried over', () => {
    const { entry } = parseCloudsYaml(file, 'appcred');
    expect(entry!.url).toBe('https://cloud.example.com:5000/v3');
    expect(entry!.settings).toEqual({ auth_type: 'v3applicationcredential', application_credential_id: '21dced0fd20347869b93710d2b98aae0', region_name: 'RegionTwo' });
    expect(entry!.secrets).toEqual({ application_credential_secret: 'topsecret' });
    expect(entry!.caPem).toBeUndefined();
    const warnings = entry!.warnings.join('\n');
    expect(warnings).toMatch(/verify: false was ignored.*never turns TLS verification off.*paste/i);
    expect(warnings).toMatch(/cacert names a file \(\/etc\/ssl\/cloud-ca\.pem\).*paste/);
    expect(warnings).toMatch(/profile "vexxhost"/);
    expect(warnings).toMatch(/compute_api_version is not used/);
  });

  it('chooses the only cloud without being told', () => {
    const only = 'clouds:\n  one:\n    auth:\n      auth_url: http://k/v3\n      user_id: u\n      project_id: p\n      password: pw\n';
    expect(parseCloudsYaml(only).entry).toMatchObject({ url: 'http://k/v3', settings: { user_id: 'u', project_id: 'p' }, secrets: { password: 'pw' } });
  });

  it('refuses bad YAML, a file without clouds, a missing cloud and an unsupported auth type', () => {
    expect(() => parseCloudsYaml('clouds: [unclosed')).toThrow(expect.objectContaining({ code: 'validation', message: expect.stringMatching(/not valid YAML/) }));
    expect(() => parseCloudsYaml('just: text')).toThrow(/no "clouds:" section/);
    expect(() => parseCloudsYaml(file, 'prod')).toThrow(expect.objectContaining({ code: 'validation', message: 'clouds.yaml has no cloud named "prod" (it has devstack, appcred).' }));
    expect(() => parseCloudsYaml('clouds:\n  t:\n    auth_type: token\n')).toThrow(/auth_type "token" is not supported/);
  });
});
