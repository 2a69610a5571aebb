import { describe, expect, it } from 'vitest';
import { openStackSecretFields, openStackSettingFields, openStackSettingsSchema } from './settings';

const firstIssue = (raw: unknown) => {
  const result = openStackSettingsSchema.safeParse(raw);
  return result.success ? undefined : { path: result.error.issues[0]!.path.join('.'), message: result.error.issues[0]!.message };
};

describe('OpenStack settings', () => {
  it('accepts a user and project by name with their domains, defaulting auth_type and interface', () => {
    const parsed = openStackSettingsSchema.parse({ username: 'demo', user_domain_name: 'Default', project_name: 'demo', project_domain_id: 'default', region_name: '' });
    expect(parsed).toMatchObject({ auth_type: 'password', interface: 'public', username: 'demo', project_name: 'demo' });
    expect(parsed.region_name).toBeUndefined();
  });

  it('accepts ids without domains', () => {
    expect(firstIssue({ user_id: 'u1', project_id: 'p1' })).toBeUndefined();
  });

  it('asks for the user domain when the user is given by name (no silent Default)', () => {
    expect(firstIssue({ username: 'demo', project_id: 'p1' })).toEqual({ path: 'user_domain_name', message: expect.stringMatching(/needs its domain/) });
  });

  it('asks for a user and a project for password sign-in', () => {
    expect(firstIssue({ project_id: 'p1' })?.path).toBe('username');
    expect(firstIssue({ user_id: 'u1' })?.path).toBe('project_name');
    expect(firstIssue({ user_id: 'u1', project_name: 'demo' })?.path).toBe('project_domain_name');
  });

  it('asks application credentials for an id, or a name plus its user', () => {
    expect(firstIssue({ auth_type: 'v3applicationcredential' })?.path).toBe('application_credential_id');
    expect(firstIssue({ auth_type: 'v3applicationcredential', application_credential_name: 'x' })?.path).toBe('username');
    expect(firstIssue({ auth_type: 'v3applicationcredential', application_credential_name: 'x', user_id: 'u' })).toBeUndefined();
    expect(firstIssue({ auth_type: 'v3applicationcredential', application_credential_id: 'id' })).toBeUndefined();
  });

  it('refuses unknown auth types and interfaces', () => {
    expect(firstIssue({ auth_type: 'token', user_id: 'u', project_id: 'p' })?.path).toBe('auth_type');
    expect(firstIssue({ user_id: 'u', project_id: 'p', interface: 'private' })?.path).toBe('interface');
  });

  it('declares a form field for every setting and the two secrets', () => {
    const shape = Object.keys(openStackSettingsSchema.shape);
    const names = openStackSettingFields.map((f) => f.name);
    expect(names.sort()).toEqual(
      ['auth_type', 'username', 'user_id', 'user_domain_name', 'user_domain_id', 'project_name', 'project_id', 'project_domain_name', 'project_domain_id', 'application_credential_id', 'application_credential_name', 'region_name', 'interface'].sort(),
    );
    expect(shape.sort()).toEqual(names);
    expect(openStackSecretFields.map((f) => f.name)).toEqual(['password', 'application_credential_secret']);
  });
});

describe('OpenStack settings are strict (they are stored unencrypted)', () => {
  const issue = (raw: unknown) => {
    const result = openStackSettingsSchema.safeParse(raw);
    return result.success ? undefined : result.error.issues[0]!.message;
  };

  it('refuses a secret-named key and points at the secret fields', () => {
    expect(issue({ user_id: 'u', project_id: 'p', password: 'hunter2' })).toMatch(/^password looks like a secret.*secret fields \(Password or Application credential secret\)/);
    expect(issue({ auth_type: 'v3applicationcredential', application_credential_id: 'a', application_credential_secret: 's' })).toMatch(/^application_credential_secret looks like a secret/);
    expect(issue({ user_id: 'u', project_id: 'p', password: 'hunter2' })).not.toContain('hunter2');
  });

  it('refuses unknown keys, naming the known ones', () => {
    expect(issue({ user_id: 'u', project_id: 'p', colour: 'blue' })).toMatch(/^Unknown setting colour; the settings are auth_type, /);
  });
});
