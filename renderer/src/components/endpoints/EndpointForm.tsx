import { useState, type FormEvent } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import type { EndpointConfig, KindInfo } from '../../../../shared/domain';
import {
  draftFromEndpoint,
  typedSecrets,
  validateEndpointDraft,
  type DraftField,
  type EndpointDraft,
} from '../../lib/endpoint-draft';
import { useSaveEndpoint } from '../../queries/use-endpoint-mutations';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ErrorMessage } from '../ui/ErrorMessage';
import { TextField } from '../ui/TextField';
import { EndpointTestButton } from './EndpointTestButton';
import { KindField } from './KindField';
import { SecretFields } from './SecretFields';
import { TlsFields } from './TlsFields';

export interface EndpointFormProps {
  kinds: readonly KindInfo[];
  endpoint: EndpointView | undefined;
  onDone(): void;
}

export function EndpointForm({ kinds, endpoint, onDone }: EndpointFormProps) {
  const [draft, setDraft] = useState<EndpointDraft>(() => draftFromEndpoint(endpoint, kinds.length === 1 ? kinds[0].kind : ''));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const save = useSaveEndpoint();
  const selectEndpoint = useUiStore((state) => state.selectEndpoint);

  const kind = kinds.find((k) => k.kind === draft.kind);
  const validation = validateEndpointDraft(draft, { urlOptional: kind?.urlOptional ?? false });
  const visibleError = (field: DraftField) => (submitted || touched.has(field) ? validation.errors[field] : undefined);

  const update = (field: DraftField, value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const touch = (field: DraftField) => setTouched((current) => new Set(current).add(field));

  /** Validates for an action; shows every error when it fails. */
  function validConfig(): EndpointConfig | undefined {
    setSubmitted(true);
    return validation.config;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const config = validConfig();
    if (!config) return;
    save.mutate(
      { endpointId: endpoint?.id, config, secrets: typedSecrets(secrets) },
      {
        onSuccess: (saved) => {
          selectEndpoint(saved.id);
          onDone();
        },
      },
    );
  }

  return (
    <form data-testid="endpoint-form" noValidate onSubmit={submit} className="space-y-4">
      <KindField
        kinds={kinds}
        value={draft.kind}
        locked={Boolean(endpoint)}
        error={visibleError('kind')}
        onChange={(next) => update('kind', next)}
      />
      <TextField
        label="Name"
        testId="endpoint-name"
        value={draft.name}
        autoFocus
        maxLength={80}
        placeholder="e.g. Production Pieces OS"
        onChange={(event) => update('name', event.target.value)}
        onBlur={() => touch('name')}
        error={visibleError('name')}
      />
      <TextField
        label={kind?.urlOptional ? 'URL (optional)' : 'URL'}
        testId="endpoint-url"
        value={draft.url}
        inputMode="url"
        spellCheck={false}
        placeholder={kind?.urlPlaceholder ?? 'https://…'}
        help={kind?.urlOptional ? 'Leave empty to find it automatically.' : undefined}
        onChange={(event) => update('url', event.target.value)}
        onBlur={() => touch('url')}
        error={visibleError('url')}
      />
      <TextField
        label="Timeout (seconds)"
        testId="endpoint-timeout"
        type="number"
        min={1}
        max={600}
        className="max-w-48"
        value={draft.timeoutSeconds}
        onChange={(event) => update('timeoutSeconds', event.target.value)}
        onBlur={() => touch('timeoutSeconds')}
        error={visibleError('timeoutSeconds')}
      />
      <TlsFields
        caPem={draft.caPem}
        fingerprint256={draft.fingerprint256}
        errors={submitted ? validation.errors : Object.fromEntries([...touched].map((f) => [f, validation.errors[f]]))}
        onChange={update}
        onBlur={touch}
      />
      {kind && (
        <SecretFields
          fields={kind.secretFields}
          values={secrets}
          stored={endpoint?.secretsSet ?? []}
          onChange={(name, value) => setSecrets((current) => ({ ...current, [name]: value }))}
        />
      )}
      <EndpointTestButton
        endpoint={endpoint}
        validConfig={validConfig}
        secretsTyped={typedSecrets(secrets) !== undefined}
        draftKey={JSON.stringify(draft)}
      />
      {save.error && <ErrorMessage title="Not saved" error={save.error} />}
      <DialogFooter>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" data-testid="endpoint-save" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : endpoint ? 'Save changes' : 'Add endpoint'}
        </Button>
      </DialogFooter>
    </form>
  );
}
