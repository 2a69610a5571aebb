import { describe, expect, it } from 'vitest';
import { jujuSettingsSchema, parseJujuSettings } from './settings';

describe('Juju endpoint settings', () => {
  it('defaults to admin, discovery, and 60/15 minute timeouts', () => {
    expect(parseJujuSettings({})).toEqual({ username: 'admin', model_uuid: undefined, agent_version: undefined, create_timeout_minutes: 60, restore_timeout_minutes: 15 });
    expect(parseJujuSettings({ username: ' ', model_uuid: '', create_timeout_minutes: '' }).username).toBe('admin');
  });

  it('takes what show-controller gives', () => {
    expect(parseJujuSettings({ username: 'alice', model_uuid: '8f2a0000-0000-4000-8000-000000000002', agent_version: '2.9-rc3', create_timeout_minutes: '120' })).toMatchObject({
      username: 'alice',
      model_uuid: '8f2a0000-0000-4000-8000-000000000002',
      agent_version: '2.9-rc3',
      create_timeout_minutes: 120,
    });
  });

  it('refuses a password among the plaintext settings, and malformed values', () => {
    expect(jujuSettingsSchema.safeParse({ password: 'x' }).error?.issues[0]?.message).toContain('the password goes in its secret field');
    expect(() => parseJujuSettings({ model_uuid: 'controller' })).toThrow(/model_uuid/);
    expect(() => parseJujuSettings({ username: 'user-admin x' })).toThrow(/without the user- prefix/);
    expect(() => parseJujuSettings({ create_timeout_minutes: '0' })).toThrow(/At least 1 minute/);
  });
});
