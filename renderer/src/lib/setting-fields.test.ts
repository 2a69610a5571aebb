import { describe, expect, it } from 'vitest';
import type { KindInfo, SettingField } from '../../../shared/domain';
import { fieldNamedInMessage, initialSettings, isShown, secretsToSend, settingsToSend, shownSecretFields } from './setting-fields';

const password = { field: 'auth_type', equals: ['password'] };
const fields: SettingField[] = [
  { name: 'auth_type', label: 'Sign in with', type: 'select', defaultValue: 'password', options: [] },
  { name: 'username', label: 'User', type: 'text' },
  { name: 'project_name', label: 'Project', type: 'text', showWhen: password },
  { name: 'interface', label: 'Interface', type: 'select', defaultValue: 'public' },
];
const secrets: KindInfo['secretFields'] = [
  { name: 'password', label: 'Password', showWhen: password },
  { name: 'application_credential_secret', label: 'Secret', showWhen: { field: 'auth_type', equals: ['v3applicationcredential'] } },
];

describe('setting fields', () => {
  it('starts from saved values, else defaults', () => {
    expect(initialSettings(fields)).toEqual({ auth_type: 'password', username: '', project_name: '', interface: 'public' });
    expect(initialSettings(fields, { username: 'alice', interface: 'internal', project_name: 7 })).toMatchObject({
      username: 'alice',
      interface: 'internal',
      project_name: '7',
      auth_type: 'password',
    });
  });

  it('shows a field only while its condition holds', () => {
    expect(isShown(undefined, {})).toBe(true);
    expect(isShown(password, { auth_type: 'password' })).toBe(true);
    expect(isShown(password, { auth_type: 'v3applicationcredential' })).toBe(false);
  });

  it('sends shown, non-empty, trimmed settings only', () => {
    const values = { auth_type: 'v3applicationcredential', username: ' bob ', project_name: 'hidden', interface: 'public', stray: 'x' };
    expect(settingsToSend(fields, values)).toEqual({ auth_type: 'v3applicationcredential', username: 'bob', interface: 'public' });
  });

  it('sends typed secrets of shown fields only', () => {
    const typed = { password: 'pw', application_credential_secret: 'acs' };
    expect(shownSecretFields(secrets, { auth_type: 'password' }).map((f) => f.name)).toEqual(['password']);
    expect(secretsToSend(secrets, { auth_type: 'password' }, typed)).toEqual({ password: 'pw' });
    expect(secretsToSend(secrets, { auth_type: 'password' }, { password: '' })).toBeUndefined();
  });

  it('finds the field a validation message names', () => {
    const names = fields.map((f) => f.name);
    expect(fieldNamedInMessage('OpenStack Cinder settings (project_name): Enter the project.', names)).toBe('project_name');
    expect(fieldNamedInMessage('Settings (nope): bad.', names)).toBeUndefined();
    expect(fieldNamedInMessage('No field here.', names)).toBeUndefined();
  });
});
