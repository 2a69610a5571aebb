import { parse } from 'yaml';
import { AppError } from '../../../shared/errors';

export interface CloudsYamlEntry {
  /** auth.auth_url: the endpoint URL. */
  url: string;
  /** Values for the endpoint's settings (openStackSettingsSchema names). */
  settings: Record<string, string>;
  /** Values for its secret fields (password, application_credential_secret). */
  secrets: Record<string, string>;
  /** clouds.yaml only names CA files, which the app cannot read: the user pastes the CA instead. */
  caPem?: undefined;
  warnings: string[];
}

export interface CloudsYaml {
  clouds: string[];
  entry?: CloudsYamlEntry;
}

const authSettingKeys = [
  'username',
  'user_id',
  'user_domain_name',
  'user_domain_id',
  'project_name',
  'project_id',
  'project_domain_name',
  'project_domain_id',
  'application_credential_id',
  'application_credential_name',
] as const;
const authSecretKeys = ['password', 'application_credential_secret'] as const;
/** Legacy (v2) spellings openstacksdk still accepts. */
const legacyAuthKeys: Record<string, string> = { tenant_name: 'project_name', tenant_id: 'project_id' };
/** openstacksdk copies `domain_*` to user and project; keystoneauth uses `default_domain_*` when those are missing. */
const sharedDomainKeys: Record<string, [string, string]> = {
  domain_name: ['user_domain_name', 'project_domain_name'],
  domain_id: ['user_domain_id', 'project_domain_id'],
  default_domain_name: ['user_domain_name', 'project_domain_name'],
  default_domain_id: ['user_domain_id', 'project_domain_id'],
};
const authTypeAliases: Record<string, string> = {
  password: 'password',
  v3password: 'password',
  v3applicationcredential: 'v3applicationcredential',
  applicationcredential: 'v3applicationcredential',
};
/** Top-level keys that change nothing for us. */
const ignoredKeys = new Set(['identity_api_version', 'volume_api_version', 'block_storage_api_version', 'database_api_version', 'auth']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined);

function parseDocument(yamlText: string): Record<string, Record<string, unknown>> {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    throw new AppError('validation', `This clouds.yaml is not valid YAML: ${why}`, 'Paste the whole file as it is on disk (usually ~/.config/openstack/clouds.yaml).');
  }
  if (!isRecord(doc) || !isRecord(doc.clouds)) {
    throw new AppError('validation', 'This file has no "clouds:" section, so it is not a clouds.yaml.', 'Download clouds.yaml from the dashboard (API Access → Download OpenStack RC File → clouds.yaml).');
  }
  return Object.fromEntries(Object.entries(doc.clouds).filter((e): e is [string, Record<string, unknown>] => isRecord(e[1])));
}

function mapAuth(auth: Record<string, unknown>, entry: CloudsYamlEntry): void {
  for (const [key, value] of Object.entries(auth)) {
    const v = text(value);
    if (key === 'auth_url') entry.url = v ?? '';
    else if ((authSettingKeys as readonly string[]).includes(key)) {
      if (v) entry.settings[key] = v;
    } else if ((authSecretKeys as readonly string[]).includes(key)) {
      if (v) entry.secrets[key] = v;
    } else if (key in legacyAuthKeys) {
      if (v) entry.settings[legacyAuthKeys[key]!] ??= v;
    } else if (!(key in sharedDomainKeys)) entry.warnings.push(`auth.${key} is not used by Backup Console and was left out.`);
  }
  for (const [key, targets] of Object.entries(sharedDomainKeys)) {
    const v = text(auth[key]);
    // Explicit user/project domains win over the shared ones.
    if (v) for (const target of targets) entry.settings[target] ??= v;
  }
}

function mapTopLevel(cloud: Record<string, unknown>, entry: CloudsYamlEntry): void {
  for (const [key, value] of Object.entries(cloud)) {
    const v = text(value);
    if (ignoredKeys.has(key)) continue;
    if (key === 'auth_type') {
      const mapped = v ? authTypeAliases[v.toLowerCase()] : undefined;
      if (!mapped) throw new AppError('validation', `auth_type "${v}" is not supported: Backup Console signs in with a password or an application credential.`, 'Create an application credential in the dashboard and use it.');
      entry.settings.auth_type = mapped;
    } else if (key === 'region_name' || key === 'interface') {
      if (v) entry.settings[key] = v;
    } else if (key === 'endpoint_type') {
      if (v) entry.settings.interface ??= v.replace(/URL$/, '');
    } else if (key === 'regions') {
      const names = Array.isArray(value) ? value.map((r) => (isRecord(r) ? text(r.name) : text(r))).filter(Boolean) : [];
      if (!cloud.region_name && names.length === 1) entry.settings.region_name = names[0]!;
      else if (!cloud.region_name && names.length > 1) entry.warnings.push(`This cloud lists several regions (${names.join(', ')}): choose one in the Region setting.`);
    } else if (key === 'verify') {
      if (value === false || v === 'false' || v === 'False') {
        entry.warnings.push('verify: false was ignored: Backup Console never turns TLS verification off. Paste the cloud\'s CA certificate in the endpoint\'s TLS field instead.');
      }
    } else if (key === 'cacert') {
      entry.warnings.push(`cacert names a file (${v ?? '?'}) that Backup Console cannot read: paste that CA certificate's PEM text in the endpoint's TLS field.`);
    } else if (key === 'cert' || key === 'key') {
      entry.warnings.push(`${key} (a TLS client certificate) is not supported and was left out.`);
    } else if (key === 'profile') {
      entry.warnings.push(`profile "${v ?? '?'}" (a vendor profile) is not applied: check the auth URL, region and interface by hand.`);
    } else {
      entry.warnings.push(`${key} is not used by Backup Console and was left out.`);
    }
  }
}

/**
 * Reads a pasted clouds.yaml: the cloud names, and for `cloud` (or the only cloud) the endpoint
 * URL, settings and secrets it describes, with warnings about what could not be carried over.
 */
export function parseCloudsYaml(yamlText: string, cloud?: string): CloudsYaml {
  const clouds = parseDocument(yamlText);
  const names = Object.keys(clouds);
  const name = cloud ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined) return { clouds: names };
  const source = clouds[name];
  if (!source) {
    throw new AppError('validation', `clouds.yaml has no cloud named "${name}" (it has ${names.length ? names.join(', ') : 'none'}).`, 'Pick one of the clouds the file lists.');
  }
  const entry: CloudsYamlEntry = { url: '', settings: {}, secrets: {}, warnings: [] };
  mapTopLevel(source, entry);
  if (isRecord(source.auth)) mapAuth(source.auth, entry);
  if (!entry.url) entry.warnings.push('The cloud has no auth.auth_url: enter the Keystone URL by hand.');
  entry.settings.auth_type ??= entry.secrets.application_credential_secret ? 'v3applicationcredential' : 'password';
  return { clouds: names, entry };
}
