import { z } from 'zod';
import type { KindInfo, SettingField } from '../../../shared/domain';
import { parseOptions } from '../parse-options';

/** Empty form fields arrive as '' (or a number from an old config): both mean "not set" or text. */
const optionalText = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => (v === undefined ? undefined : String(v).trim() || undefined))
  .pipe(z.string().max(255, 'Keep it under 255 characters').optional());

const choice = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : fallback))
    .pipe(z.enum(values));

export const authTypes = ['password', 'v3applicationcredential'] as const;
export const interfaces = ['public', 'internal', 'admin'] as const;

/** Names that hold a secret (as the logger masks them): never part of the plaintext settings. */
const SECRET_NAME = /pass(word|phrase)?|secret|token|authorization|private[-_]?key|cookie/i;

/**
 * Settings are stored in plaintext (endpoints.json), so an unknown key is refused rather than kept:
 * `{"password": …}` from an import must not land there. A secret-named key says where it belongs.
 */
function unknownSettingMessage(keys: readonly PropertyKey[]): string {
  const names = keys.map(String);
  const secret = names.filter((k) => SECRET_NAME.test(k));
  if (secret.length) {
    const fields = openStackSecretFields.map((f) => f.label).join(' or ');
    return `${secret.join(', ')} looks like a secret, and settings are stored unencrypted: give it in the secret fields (${fields}) instead, which are kept in the OS keychain or the vault`;
  }
  return `Unknown setting${names.length === 1 ? '' : 's'} ${names.join(', ')}; the settings are ${openStackSettingFields.map((f) => f.name).join(', ')}`;
}

/**
 * `endpoint.settings` of Cinder and Trove endpoints, named like the auth keys of clouds.yaml.
 * No domain is assumed when a name is given without one: openstacksdk does not default to
 * 'Default' either (it only copies `domain_name`/`domain_id` to the user and project domains).
 */
export const openStackSettingsSchema = z
  .strictObject(
    {
      auth_type: choice(authTypes, 'password'),
      username: optionalText,
      user_id: optionalText,
      user_domain_name: optionalText,
      user_domain_id: optionalText,
      project_name: optionalText,
      project_id: optionalText,
      project_domain_name: optionalText,
      project_domain_id: optionalText,
      application_credential_id: optionalText,
      application_credential_name: optionalText,
      region_name: optionalText,
      interface: choice(interfaces, 'public'),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownSettingMessage(issue.keys) : undefined) },
  )
  .superRefine((s, issue) => {
    const userNamedWithoutDomain = !s.user_id && s.username && !s.user_domain_name && !s.user_domain_id;
    if (s.auth_type === 'password') {
      if (!s.user_id && !s.username) issue.addIssue({ code: 'custom', path: ['username'], message: 'Enter the user name (or the user ID)' });
      else if (userNamedWithoutDomain) {
        issue.addIssue({ code: 'custom', path: ['user_domain_name'], message: "A user given by name needs its domain: enter the user domain name (often 'Default') or ID" });
      }
      if (!s.project_id && !s.project_name) issue.addIssue({ code: 'custom', path: ['project_name'], message: 'Enter the project name (or the project ID) to work in' });
      else if (!s.project_id && !s.project_domain_name && !s.project_domain_id) {
        issue.addIssue({ code: 'custom', path: ['project_domain_name'], message: "A project given by name needs its domain: enter the project domain name (often 'Default') or ID" });
      }
      return;
    }
    if (!s.application_credential_id && !s.application_credential_name) {
      issue.addIssue({ code: 'custom', path: ['application_credential_id'], message: 'Enter the application credential ID (or its name and the user it belongs to)' });
    } else if (!s.application_credential_id) {
      if (!s.user_id && !s.username) issue.addIssue({ code: 'custom', path: ['username'], message: 'An application credential given by name needs its user: enter the user name or ID' });
      else if (userNamedWithoutDomain) issue.addIssue({ code: 'custom', path: ['user_domain_name'], message: "A user given by name needs its domain: enter the user domain name (often 'Default') or ID" });
    }
  });

export type OpenStackSettings = z.output<typeof openStackSettingsSchema>;

export function parseOpenStackSettings(raw: unknown): OpenStackSettings {
  return parseOptions(openStackSettingsSchema, raw, 'OpenStack settings');
}

const password = { field: 'auth_type', equals: ['password'] };
const appCredential = { field: 'auth_type', equals: ['v3applicationcredential'] };
const either = { field: 'auth_type', equals: [...authTypes] };

export const openStackSettingFields: SettingField[] = [
  {
    name: 'auth_type',
    label: 'Sign in with',
    type: 'select',
    defaultValue: 'password',
    options: [
      { value: 'password', label: 'User name and password' },
      { value: 'v3applicationcredential', label: 'Application credential' },
    ],
    help: 'Application credentials are safer: they can be limited and revoked without changing your password.',
  },
  { name: 'application_credential_id', label: 'Application credential ID', type: 'text', showWhen: appCredential, help: 'Or leave empty and give its name and user below.' },
  { name: 'application_credential_name', label: 'Application credential name', type: 'text', showWhen: appCredential, help: 'Only when the ID is empty; needs the user too.' },
  { name: 'username', label: 'User name', type: 'text', showWhen: either },
  { name: 'user_id', label: 'User ID', type: 'text', showWhen: either, help: 'Instead of the user name and domain.' },
  { name: 'user_domain_name', label: 'User domain', type: 'text', placeholder: 'Default', showWhen: either, help: 'Needed with a user name.' },
  { name: 'user_domain_id', label: 'User domain ID', type: 'text', placeholder: 'default', showWhen: either, help: 'Instead of the user domain name.' },
  { name: 'project_name', label: 'Project', type: 'text', showWhen: password, help: 'The project whose backups you manage.' },
  { name: 'project_id', label: 'Project ID', type: 'text', showWhen: password, help: 'Instead of the project name and domain.' },
  { name: 'project_domain_name', label: 'Project domain', type: 'text', placeholder: 'Default', showWhen: password, help: 'Needed with a project name.' },
  { name: 'project_domain_id', label: 'Project domain ID', type: 'text', placeholder: 'default', showWhen: password, help: 'Instead of the project domain name.' },
  { name: 'region_name', label: 'Region', type: 'text', placeholder: 'RegionOne', help: 'Needed when the cloud has more than one region.' },
  {
    name: 'interface',
    label: 'Interface',
    type: 'select',
    defaultValue: 'public',
    options: interfaces.map((value) => ({ value, label: value })),
    help: 'Which catalog URL to use; public unless you are inside the cloud network.',
  },
];

export const openStackSecretFields: KindInfo['secretFields'] = [
  { name: 'password', label: 'Password', showWhen: password },
  { name: 'application_credential_secret', label: 'Application credential secret', showWhen: appCredential },
];
