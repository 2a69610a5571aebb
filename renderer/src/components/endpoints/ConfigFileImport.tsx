import { useId } from 'react';
import type { KindInfo } from '../../../../shared/domain';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ConfigEntryChooser } from './ConfigEntryChooser';
import { ConfigFilePaste } from './ConfigFilePaste';
import { ConfigFilePicker } from './ConfigFilePicker';
import { FileDropZone } from './FileDropZone';
import { ImportWarnings } from './ImportWarnings';
import type { ConfigFileImportState } from './use-config-file-import';

/** How messages name text pasted instead of a file ("Reading pasted text…"). */
const pastedName = 'pasted text';

export interface ConfigFileImportProps {
  kind: KindInfo & { configFileLabel: string };
  state: ConfigFileImportState;
  onBack(): void;
  onDone(): void;
}

/** Pick, drop or paste the file, list its entries (clouds, controllers), add the chosen one; warnings stay on screen until read. */
export function ConfigFileImport({ kind, state, onBack, onDone }: ConfigFileImportProps) {
  const { listing, adding, readProblem } = state;
  // A file read for another kind (before "Back to the form" and a kind change) is not this import's.
  const file = state.file?.kind === kind.kind ? state.file : null;
  const selectEndpoint = useUiStore((s) => s.selectEndpoint);
  const formId = useId();
  const label = kind.configFileLabel;
  const load = (picked: File) => void state.load(kind.kind, picked);
  const busy = listing.isPending || adding.isPending;

  const entries = listing.data?.entries ?? [];
  const added = adding.data?.added;
  const warnings = file ? (adding.data?.warnings ?? listing.data?.warnings ?? []) : [];

  return (
    <FileDropZone enabled={!added} label={`Drop ${label} to read it`} onFile={load}>
      <div data-testid="config-file-import" className="space-y-4">
        {added ? (
          <p role="status" data-testid="config-import-added" className="text-sm">
            Added <strong>{added.name}</strong>. Test its connection from the endpoint list.
          </p>
        ) : (
          <>
            <ConfigFilePicker label={label} disabled={busy} onFile={load} />
            <ConfigFilePaste label={label} disabled={busy} onText={(text) => state.loadText(kind.kind, pastedName, text)} />
          </>
        )}
        {readProblem && <ErrorMessage title={`Cannot use this ${label}`} error={new Error(readProblem)} />}
        {listing.isPending && <p role="status" className="text-sm text-slate-600 dark:text-slate-400">Reading {file?.name}…</p>}
        {listing.error && <ErrorMessage testId="config-import-error" title={`Could not read ${file?.name ?? label}`} error={listing.error} />}
        {file && listing.isSuccess && entries.length === 0 && (
          <ErrorMessage title={`Nothing to import from ${file.name}`} error={new Error(`It lists nothing that can become a ${kind.label} endpoint. Is it the right ${label}?`)} />
        )}
        {file && entries.length > 0 && !added && (
          <ConfigEntryChooser
            key={file.text}
            fileName={file.name}
            entries={entries}
            kindLabel={kind.label}
            noun={kind.configEntryNoun}
            formId={formId}
            onSubmit={(entry, name) =>
              adding.mutate(
                { text: file.text, kind: kind.kind, entry, name: name || undefined },
                {
                  onSuccess: (result) => {
                    if (!result.added) return;
                    selectEndpoint(result.added.id);
                    if (result.warnings.length === 0) onDone();
                  },
                },
              )
            }
          />
        )}
        <ImportWarnings warnings={warnings} />
        {adding.error && <ErrorMessage testId="config-import-error" title="Not added" error={adding.error} />}
        <DialogFooter>
          {added ? (
            <Button variant="primary" data-testid="config-import-done" onClick={onDone}>
              Done
            </Button>
          ) : (
            <>
              <Button onClick={onBack}>Back to the form</Button>
              <Button type="submit" form={formId} variant="primary" data-testid="config-import-submit" disabled={!file || entries.length === 0 || adding.isPending}>
                {adding.isPending ? 'Adding…' : 'Add endpoint'}
              </Button>
            </>
          )}
        </DialogFooter>
      </div>
    </FileDropZone>
  );
}
