import { z } from 'zod';
import type { KindInfo, SettingField } from '../../../shared/domain';
import { parseOptions } from '../parse-options';

export const applianceSettingFields: SettingField[] = [
  {
    name: 'username',
    label: 'User',
    type: 'text',
    placeholder: 'admin',
    defaultValue: 'admin',
    help: 'A local appliance account allowed to make and restore backups (admin on most boxes).',
  },
];

export const applianceSecretFields: KindInfo['secretFields'] = [{ name: 'password', label: 'Password' }];

/**
 * `endpoint.settings` of an appliance. Stored in plaintext, so an unknown key (a password pasted in
 * the wrong place) is refused, never kept.
 */
export const applianceSettingsSchema = z.strictObject(
  {
    username: z
      .union([z.string(), z.number()], { error: 'Enter the appliance user name' })
      .transform((v) => String(v).trim())
      .pipe(z.string().min(1, 'Enter the appliance user name (admin on most boxes)').max(255, 'Keep the user name under 255 characters')),
  },
  {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `Unknown setting ${issue.keys.join(', ')}; the only setting is username (the password goes in its secret field)`;
      if (issue.code === 'invalid_type' && issue.input === undefined) return 'Enter the appliance user name (admin on most boxes)';
      return undefined;
    },
  },
);

export type ApplianceSettings = z.output<typeof applianceSettingsSchema>;

export function parseApplianceSettings(raw: unknown): ApplianceSettings {
  return parseOptions(applianceSettingsSchema, raw, 'Appliance settings');
}
