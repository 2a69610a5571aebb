import type { FormEvent } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import type { KindInfo } from '../../../../shared/domain';
import { toClientError } from '../../client/client-error';
import { fieldNamedInMessage } from '../../lib/setting-fields';
import { useSaveEndpoint } from '../../queries/use-endpoint-mutations';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ErrorMessage } from '../ui/ErrorMessage';
import { TextField } from '../ui/TextField';
import { ConfigFileOffer } from './ConfigFileOffer';
import { EndpointTestButton } from './EndpointTestButton';
import { FileDropZone } from './FileDropZone';
import { KindField } from './KindField';
import { SecretFields } from './SecretFields';
import { SettingFields } from './SettingFields';
import { TlsFields } from './TlsFields';
import { useEndpointFormState } from './use-endpoint-form-state';

export interface EndpointFormProps {
  kinds: readonly KindInfo[];
  endpoint: EndpointView | undefined;
  onDone(): void;
  /** Switches the dialog to importing the kind's config file (clouds.yaml), optionally with a dropped file. */
  onImportConfigFile?(kind: KindInfo, file?: File): void;
}

export function EndpointForm({ kinds, endpoint, onDone, onImportConfigFile }: EndpointFormProps) {
  const form = useEndpointFormState(kinds, endpoint);
  const { draft, kind } = form;
  const save = useSaveEndpoint();
  const selectEndpoint = useUiStore((state) => state.selectEndpoint);
  const configFileKind = !endpoint && kind?.configFileLabel && onImportConfigFile ? { ...kind, configFileLabel: kind.configFileLabel } : undefined;

  // Main checks the kind's settings with its own schema and names the field; put its message there too.
  const saveError = save.error ? toClientError(save.error) : undefined;
  const settingNames = kind?.settingFields.map((field) => field.name) ?? [];
  const serverField = saveError?.code === 'validation' ? fieldNamedInMessage(saveError.message, settingNames) : undefined;
  const settingErrors = serverField ? { [serverField]: saveError?.message } : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    const config = form.validConfig();
    if (!config) return;
    save.mutate(
      { endpointId: endpoint?.id, config, secrets: form.secrets },
      {
        onSuccess: (saved) => {
          selectEndpoint(saved.id);
          onDone();
        },
      },
    );
  }

  return (
    <FileDropZone
      enabled={Boolean(configFileKind)}
      label={`Drop ${configFileKind?.configFileLabel ?? 'the file'} to import it`}
      onFile={(file) => configFileKind && onImportConfigFile?.(configFileKind, file)}
    >
      <form data-testid="endpoint-form" noValidate onSubmit={submit} className="space-y-4">
        <KindField kinds={kinds} value={draft.kind} locked={Boolean(endpoint)} error={form.visibleError('kind')} onChange={form.changeKind} />
        {configFileKind && <ConfigFileOffer kind={configFileKind} onImport={() => onImportConfigFile?.(configFileKind)} />}
        <TextField
          label="Name"
          testId="endpoint-name"
          value={draft.name}
          autoFocus
          maxLength={80}
          placeholder={kind ? `e.g. Production ${kind.label}` : 'e.g. Production Pieces OS'}
          onChange={(event) => form.update('name', event.target.value)}
          onBlur={() => form.touch('name')}
          error={form.visibleError('name')}
        />
        <TextField
          label={kind?.urlOptional ? 'URL (optional)' : 'URL'}
          testId="endpoint-url"
          value={draft.url}
          inputMode="url"
          spellCheck={false}
          placeholder={kind?.urlPlaceholder ?? 'https://…'}
          help={kind?.urlOptional ? 'Leave empty to find it automatically.' : undefined}
          onChange={(event) => form.update('url', event.target.value)}
          onBlur={() => form.touch('url')}
          error={form.visibleError('url')}
        />
        {kind && (
          <SettingFields
            kind={kind}
            values={draft.settings}
            errors={settingErrors}
            onChange={(name, value) => {
              form.setSetting(name, value);
              if (serverField === name) save.reset();
            }}
          />
        )}
        <SecretFields fields={form.secretFields} values={form.typedSecrets} stored={endpoint?.secretsSet ?? []} onChange={form.setSecret} />
        <TextField
          label="Timeout (seconds)"
          testId="endpoint-timeout"
          type="number"
          min={1}
          max={600}
          className="max-w-48"
          value={draft.timeoutSeconds}
          onChange={(event) => form.update('timeoutSeconds', event.target.value)}
          onBlur={() => form.touch('timeoutSeconds')}
          error={form.visibleError('timeoutSeconds')}
        />
        <TlsFields caPem={draft.caPem} fingerprint256={draft.fingerprint256} errors={form.touchedErrors} onChange={form.update} onBlur={form.touch} />
        <EndpointTestButton endpoint={endpoint} validConfig={form.validConfig} secrets={form.secrets} draftKey={JSON.stringify([draft, form.secrets])} />
        {saveError && <ErrorMessage testId="endpoint-save-error" title="Not saved" error={saveError} />}
        <DialogFooter>
          <Button onClick={onDone}>Cancel</Button>
          <Button type="submit" variant="primary" data-testid="endpoint-save" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : endpoint ? 'Save changes' : 'Add endpoint'}
          </Button>
        </DialogFooter>
      </form>
    </FileDropZone>
  );
}
