import { z } from 'zod';
import type { KindInfo, SettingField } from '../../../shared/domain';
import { parseOptions } from '../parse-options';

/** Empty form fields arrive as '' (or a number from an old config): both mean "not set" or text. */
const optionalText = (max: number) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v) => (v === undefined ? undefined : String(v).trim() || undefined))
    .pipe(z.string().max(max, `Keep it under ${max} characters`).optional());

const minutes = (fallback: number) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v) => (v === undefined || String(v).trim() === '' ? fallback : Number(v)))
    .pipe(z.number({ error: 'Enter a number of minutes' }).int('Enter whole minutes').min(1, 'At least 1 minute').max(1440, 'At most 1440 minutes (a day)'));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d+\.\d+(?:[.-]\w+)*$/;
/** Juju user names: letters, digits, dots, hyphens, plus a `@domain` for external users. */
const USER = /^[a-zA-Z0-9][a-zA-Z0-9.+-]*(?:@[a-zA-Z0-9.+-]+)?$/;

/**
 * `endpoint.settings` of a Juju controller. Stored in plaintext, so an unknown key (a password
 * pasted in the wrong place) is refused, never kept.
 */
export const jujuSettingsSchema = z.strictObject(
  {
    username: optionalText(255)
      .transform((v) => v ?? 'admin')
      .refine((v) => USER.test(v), 'Enter a Juju user name such as admin (without the user- prefix)'),
    model_uuid: optionalText(36).refine((v) => v === undefined || UUID.test(v), "Enter the controller model's UUID (36 characters) or leave it empty"),
    agent_version: optionalText(32).refine((v) => v === undefined || VERSION.test(v), 'Enter a Juju version such as 3.6.14'),
    create_timeout_minutes: minutes(60),
    restore_timeout_minutes: minutes(15),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown setting ${issue.keys.join(', ')}; the settings are ${jujuSettingFields.map((f) => f.name).join(', ')} (the password goes in its secret field)`
        : undefined,
  },
);

export type JujuSettings = z.output<typeof jujuSettingsSchema>;

export function parseJujuSettings(raw: unknown): JujuSettings {
  return parseOptions(jujuSettingsSchema, raw, 'Juju settings');
}

/** The tag Juju knows the user by: `user-admin`. */
export function userTag(username: string): string {
  return `user-${username}`;
}

export const jujuSettingFields: SettingField[] = [
  { name: 'username', label: 'User', type: 'text', placeholder: 'admin', defaultValue: 'admin', help: 'A controller superuser (backups need superuser access).' },
  {
    name: 'model_uuid',
    label: 'Controller model UUID',
    type: 'text',
    help: 'Leave empty to look it up on the controller (the model named "controller"). Shown by juju show-controller.',
  },
  { name: 'agent_version', label: 'Controller version', type: 'text', placeholder: '3.6.14', help: 'The agent-version from juju show-controller: only a first guess, replaced by the version the controller reports at sign-in (after an upgrade too).' },
  { name: 'create_timeout_minutes', label: 'Create timeout (minutes)', type: 'text', placeholder: '60', help: 'Juju creates a backup in one blocking call; big controllers take many minutes.' },
  { name: 'restore_timeout_minutes', label: 'Restore reconnect timeout (minutes)', type: 'text', placeholder: '15', help: 'How long to wait for the API server to come back after a restore (Juju 2.x); the restore itself runs as long as it needs.' },
];

export const jujuSecretFields: KindInfo['secretFields'] = [{ name: 'password', label: 'Password' }];
