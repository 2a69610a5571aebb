import { describe, expect, it } from 'vitest';
import { jujuSettingsSchema } from './settings';
import { importShowController } from './show-controller';
import { useJujuSim } from './test-support/harness';

// As cmd/juju/controller/showcontroller.go prints it on 3.x (yaml tags controller-uuid, model-uuid).
const current = `prod:
  details:
    controller-uuid: 1c3d0a6e-0000-4000-8000-000000000001
    api-endpoints: ['10.0.0.5:17070', '10.0.0.6:17070']
    cloud: maas
    region: default
    agent-version: 3.6.14
    agent-git-commit: badf00d
    controller-model-version: 3.6.14
    mongo-version: 4.4.24
    ca-fingerprint: AB:CD
    ca-cert: |
      -----BEGIN CERTIFICATE-----
      MIIB
      -----END CERTIFICATE-----
  controller-machines:
    "0":
      instance-id: abc
  models:
    controller:
      model-uuid: 8f2a0000-0000-4000-8000-000000000002
      machine-count: 1
    default:
      model-uuid: 9e3b0000-0000-4000-8000-000000000003
  current-model: admin/default
  account:
    user: admin
    access: superuser
    password: s3cret-pw
staging:
  details:
    controller-uuid: 2d4e0000-0000-4000-8000-000000000004
    api-endpoints: ['[fd42::5]:17070']
    ca-cert: x
  account:
    user: carol
    access: login
`;

describe('importing juju show-controller --show-password', () => {
  it('lists the controllers without an entry', () => {
    expect(importShowController(current)).toEqual({ entries: ['prod', 'staging'], warnings: [] });
  });

  it('takes the first API address, the CA, the user, the controller model, the version and the password', () => {
    const imported = importShowController(current, 'prod');
    expect(imported.config).toEqual({
      url: 'https://10.0.0.5:17070',
      caPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      settings: { username: 'admin', model_uuid: '8f2a0000-0000-4000-8000-000000000002', agent_version: '3.6.14' },
    });
    expect(imported.secrets).toEqual({ password: 's3cret-pw' });
    expect(imported.warnings).toEqual([expect.stringContaining('uses the first (10.0.0.5:17070). Others: 10.0.0.6:17070.')]);
    expect(JSON.stringify(imported.config)).not.toContain('s3cret-pw');
    expect(jujuSettingsSchema.safeParse(imported.config!.settings).success).toBe(true);
  });

  it('warns when the user is not a superuser or the password is missing', () => {
    const imported = importShowController(current, 'staging');
    expect(imported.config?.url).toBe('https://[fd42::5]:17070');
    expect(imported.secrets).toBeUndefined();
    expect(imported.warnings).toEqual([
      expect.stringContaining('"login" access to the controller, but backups need superuser: run `juju grant carol superuser`'),
      expect.stringContaining('will look it up'),
      expect.stringContaining('--show-password'),
    ]);
  });

  it('refuses files that are not show-controller output', () => {
    expect(() => importShowController('a: [')).toThrow(/not valid YAML/);
    expect(() => importShowController('clouds:\n  x: {}\n')).toThrow(/no controller with a "details" section/);
    expect(() => importShowController(current, 'nope')).toThrow(/no controller named "nope"/);
  });

  describe('from the simulator (the uuid-keyed layout of older clients)', () => {
    const juju = useJujuSim({ version: '2.8.10' });

    it('reads the same fields', () => {
      const sim = juju.sim();
      const yamlText = sim.showControllerYaml('lab');
      const imported = importShowController(yamlText, 'lab');
      expect(imported.config).toEqual({
        url: `https://${sim.address}`,
        caPem: sim.caPem.trim(),
        settings: { username: 'admin', model_uuid: sim.controllerModelUuid, agent_version: '2.8.10' },
      });
      expect(imported.secrets).toEqual({ password: sim.credentials.admin.password });
      expect(imported.warnings).toEqual([]);
    });
  });
});
