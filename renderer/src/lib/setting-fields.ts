import type { KindInfo, SettingField } from '../../../shared/domain';

/** A condition on another field's value, as KindInfo declares it for settings and secrets. */
export type ShowWhen = SettingField['showWhen'];

export function isShown(showWhen: ShowWhen, values: Readonly<Record<string, string>>): boolean {
  return !showWhen || showWhen.equals.includes(values[showWhen.field] ?? '');
}

/**
 * The form's starting values: what the endpoint has saved, else each field's declared default.
 * Saved numbers and booleans become text because the inputs hold text.
 */
export function initialSettings(fields: readonly SettingField[], saved: Readonly<Record<string, string | number | boolean>> = {}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = saved[field.name];
    values[field.name] = value === undefined ? (field.defaultValue ?? '') : String(value);
  }
  return values;
}

/**
 * What is sent to main: only fields that are shown (a hidden project would still scope the sign-in)
 * and only non-empty ones, trimmed. Fields the kind does not declare are dropped.
 */
export function settingsToSend(fields: readonly SettingField[], values: Readonly<Record<string, string>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (value !== '' && isShown(field.showWhen, values)) result[field.name] = value;
  }
  return result;
}

/** Secret fields shown for the current settings (a password only when signing in with one). */
export function shownSecretFields(fields: KindInfo['secretFields'], settings: Readonly<Record<string, string>>): KindInfo['secretFields'] {
  return fields.filter((field) => isShown(field.showWhen, settings));
}

/** Typed secrets of hidden fields are not sent: switching the sign-in method leaves them behind. */
export function secretsToSend(fields: KindInfo['secretFields'], settings: Readonly<Record<string, string>>, typed: Readonly<Record<string, string>>): Record<string, string> | undefined {
  const entries = shownSecretFields(fields, settings)
    .map((field) => [field.name, typed[field.name] ?? ''] as const)
    .filter(([, value]) => value !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * Main names the offending field in its validation message, e.g.
 * "OpenStack Cinder settings (user_domain_name): A user given by name needs its domain".
 * Returns that field when it is one the form shows, so the message can sit next to it.
 */
export function fieldNamedInMessage(message: string, fieldNames: readonly string[]): string | undefined {
  const match = /\(([A-Za-z0-9_.]+)\)/.exec(message);
  const name = match?.[1].split('.').at(-1);
  return name && fieldNames.includes(name) ? name : undefined;
}
