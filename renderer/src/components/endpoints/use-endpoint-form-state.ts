import { useEffect, useState } from 'react';
import { create } from 'zustand';
import type { EndpointView } from '../../../../shared/contract';
import type { EndpointConfig, EndpointKind, KindInfo } from '../../../../shared/domain';
import { draftFromEndpoint, validateEndpointDraft, type DraftField, type EndpointDraft } from '../../lib/endpoint-draft';
import { initialSettings, secretsToSend, shownSecretFields } from '../../lib/setting-fields';

interface FormCertificateLink {
  /** The URL the open endpoint form holds now: the certificate the TLS section reviews. */
  url: string;
  /** Bumped by "Review certificate…" in a failed connection test; the TLS section opens its review on each bump. */
  reviewRequests: number;
  requestReview(): void;
}

/**
 * What the TLS section and the connection-test result need from the form without being handed it
 * (the form passes them fixed props): the draft URL, and a way to ask for a certificate review.
 * One endpoint form is open at a time; the form state publishes its URL here while it is mounted.
 */
export const useFormCertificateLink = create<FormCertificateLink>()((set) => ({
  url: '',
  reviewRequests: 0,
  requestReview: () => set((state) => ({ reviewRequests: state.reviewRequests + 1 })),
}));

/** Everything the endpoint form edits and how it validates, kept out of the markup. */
export function useEndpointFormState(kinds: readonly KindInfo[], endpoint: EndpointView | undefined) {
  const [draft, setDraft] = useState<EndpointDraft>(() => {
    const startKind = endpoint?.kind ?? (kinds.length === 1 ? kinds[0].kind : '');
    return draftFromEndpoint(endpoint, startKind, kinds.find((k) => k.kind === startKind)?.settingFields);
  });
  useEffect(() => useFormCertificateLink.setState({ url: draft.url.trim() }), [draft.url]);
  useEffect(() => () => useFormCertificateLink.setState({ url: '', reviewRequests: 0 }), []);
  const [typedSecrets, setTypedSecrets] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const [submitted, setSubmitted] = useState(false);

  const kind = kinds.find((k) => k.kind === draft.kind);
  const validation = validateEndpointDraft(draft, { urlOptional: kind?.urlOptional ?? false, settingFields: kind?.settingFields });
  const secretFields = kind ? shownSecretFields(kind.secretFields, draft.settings) : [];
  const secrets = kind ? secretsToSend(kind.secretFields, draft.settings, typedSecrets) : undefined;

  return {
    draft,
    kind,
    secretFields,
    typedSecrets,
    /** Only typed secrets of the fields shown; undefined when none were typed. */
    secrets,
    submitted,
    errors: validation.errors,
    visibleError: (field: DraftField) => (submitted || touched.has(field) ? validation.errors[field] : undefined),
    touchedErrors: submitted ? validation.errors : Object.fromEntries([...touched].map((f) => [f, validation.errors[f]])),
    update: (field: Exclude<DraftField, 'kind'>, value: string) => setDraft((current) => ({ ...current, [field]: value })),
    touch: (field: DraftField) => setTouched((current) => new Set(current).add(field)),
    setSetting: (name: string, value: string) => setDraft((current) => ({ ...current, settings: { ...current.settings, [name]: value } })),
    setSecret: (name: string, value: string) => setTypedSecrets((current) => ({ ...current, [name]: value })),
    /** A new kind brings its own settings and secrets; nothing typed for the old one carries over. */
    changeKind: (next: EndpointKind) => {
      const info = kinds.find((k) => k.kind === next);
      setDraft((current) => ({ ...current, kind: next, settings: initialSettings(info?.settingFields ?? []) }));
      setTypedSecrets({});
    },
    /** Validates for an action; shows every error when it fails. */
    validConfig: (): EndpointConfig | undefined => {
      setSubmitted(true);
      return validation.config;
    },
  };
}
