import type { CertificateInfo } from '../../../shared/contract';
import { endpointConfigSchema, type EndpointConfig, type EndpointKind, type Endpoint, type SettingField } from '../../../shared/domain';
import { normaliseFingerprint } from './digest-display';
import { initialSettings, settingsToSend } from './setting-fields';

/** What the endpoint form edits, as the inputs hold it (strings). Secrets are kept apart. */
export interface EndpointDraft {
  kind: EndpointKind | '';
  name: string;
  url: string;
  timeoutSeconds: string;
  caPem: string;
  fingerprint256: string;
  /** The kind's own settings (KindInfo.settingFields), by field name. */
  settings: Record<string, string>;
}

export type DraftField = 'kind' | 'name' | 'url' | 'timeoutSeconds' | 'caPem' | 'fingerprint256';
export type DraftErrors = Partial<Record<DraftField, string>>;

export function draftFromEndpoint(
  endpoint: Endpoint | undefined,
  defaultKind: EndpointKind | '',
  settingFields: readonly SettingField[] = [],
): EndpointDraft {
  return {
    kind: endpoint?.kind ?? defaultKind,
    name: endpoint?.name ?? '',
    url: endpoint?.url ?? '',
    timeoutSeconds: String((endpoint?.timeoutMs ?? 30_000) / 1000),
    caPem: endpoint?.tls.caPem ?? '',
    fingerprint256: endpoint?.tls.fingerprint256 ?? '',
    settings: initialSettings(settingFields, endpoint?.settings),
  };
}

const fieldForPath: Record<string, DraftField> = {
  kind: 'kind',
  name: 'name',
  url: 'url',
  timeoutMs: 'timeoutSeconds',
  'tls.caPem': 'caPem',
  'tls.fingerprint256': 'fingerprint256',
};

/** Validates with the same schema main uses, and maps its messages onto the form's fields. */
export function validateEndpointDraft(
  draft: EndpointDraft,
  options: { urlOptional: boolean; settingFields?: readonly SettingField[] },
): { config: EndpointConfig; errors: DraftErrors } | { config?: undefined; errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (!draft.kind) errors.kind = 'Choose what kind of system this is';
  if (!options.urlOptional && draft.url.trim() === '') errors.url = 'Enter the URL of the endpoint';

  const seconds = Number(draft.timeoutSeconds);
  if (draft.timeoutSeconds.trim() === '' || !Number.isFinite(seconds) || seconds < 1 || seconds > 600) {
    errors.timeoutSeconds = 'Timeout must be between 1 and 600 seconds';
  }

  const candidate = {
    kind: draft.kind,
    name: draft.name,
    url: draft.url.trim(),
    timeoutMs: Math.round(seconds * 1000),
    tls: {
      ...(draft.caPem.trim() ? { caPem: draft.caPem.trim() } : {}),
      ...(draft.fingerprint256.trim() ? { fingerprint256: draft.fingerprint256.trim() } : {}),
    },
    settings: settingsToSend(options.settingFields ?? [], draft.settings),
  };
  const parsed = endpointConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldForPath[issue.path.join('.')];
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { config: parsed.data, errors };
}

/** Only the secrets the operator typed; a blank field means "keep what is stored". */
export function typedSecrets(values: Record<string, string>): Record<string, string> | undefined {
  const entries = Object.entries(values).filter(([, value]) => value !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** A comparable fingerprint of the fields that change what a connection test would reach. */
export function configKey(config: Pick<EndpointConfig, 'kind' | 'name' | 'url' | 'timeoutMs' | 'tls'> & { settings?: EndpointConfig['settings'] }): string {
  const settings = Object.entries(config.settings ?? {})
    .map(([name, value]) => [name, String(value)])
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([config.kind, config.name, config.url, config.timeoutMs, config.tls.caPem ?? '', config.tls.fingerprint256 ?? '', settings]);
}

type TrustFields = Pick<EndpointDraft, 'caPem' | 'fingerprint256'>;
type AcceptedCertificate = Pick<CertificateInfo, 'pem' | 'fingerprint256'>;

/**
 * The TLS fields for a certificate the operator reviewed and accepted: trust exactly that
 * certificate (its PEM as the CA) and pin it (its SHA-256), so a replaced one is refused.
 */
export function acceptedCertificateFields(cert: AcceptedCertificate): TrustFields {
  return { caPem: cert.pem.trim(), fingerprint256: normaliseFingerprint(cert.fingerprint256) };
}

/**
 * What the TLS fields amount to: nothing extra ('system'), a private CA ('ca'), a pinned
 * certificate that is also trusted ('accepted', what "Trust this certificate" sets), or a
 * fingerprint alone ('pin-only': the certificate must still be trusted some other way).
 */
export type TrustState = 'system' | 'ca' | 'accepted' | 'pin-only';

export function trustState(fields: TrustFields): TrustState {
  const ca = fields.caPem.trim() !== '';
  const pin = fields.fingerprint256.trim() !== '';
  if (ca && pin) return 'accepted';
  if (ca) return 'ca';
  if (pin) return 'pin-only';
  return 'system';
}

/** A saved endpoint's config with another accepted certificate in place of the old one (after a certificate change). */
export function configTrustingCertificate(endpoint: EndpointConfig, cert: AcceptedCertificate): EndpointConfig {
  const { caPem, fingerprint256 } = acceptedCertificateFields(cert);
  return {
    kind: endpoint.kind,
    name: endpoint.name,
    url: endpoint.url,
    timeoutMs: endpoint.timeoutMs,
    tls: { caPem, fingerprint256 },
    settings: endpoint.settings,
  };
}
