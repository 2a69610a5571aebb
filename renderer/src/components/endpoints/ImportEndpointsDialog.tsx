import { useId, useRef, useState, type FormEvent } from 'react';
import { useImportEndpoints } from '../../queries/use-endpoint-mutations';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ErrorMessage } from '../ui/ErrorMessage';
import { inputClass } from '../ui/TextField';
import { ModalDialog } from '../ui/ModalDialog';

const example = '{"kind":"pieces","name":"Pieces (simulator)","url":"http://127.0.0.1:39300"}';

/** Paste JSON lines (one endpoint config per line, as `npm run sims` prints them). */
export function ImportEndpointsDialog({ onClose }: { onClose(): void }) {
  const importEndpoints = useImportEndpoints();
  const selectEndpoint = useUiStore((state) => state.selectEndpoint);
  const [text, setText] = useState('');
  const textId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const result = importEndpoints.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    importEndpoints.mutate(text, {
      onSuccess: ({ added, skipped }) => {
        if (added.length > 0) selectEndpoint(added[0].id);
        // Nothing to read: close. Otherwise stay open so the skipped lines can be seen.
        if (skipped.length === 0 && added.length > 0) onClose();
      },
    });
  }

  return (
    <ModalDialog title="Import endpoints" onClose={onClose} width="lg" initialFocus={textRef}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <div>
          <label htmlFor={textId} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
            Endpoint lines (JSON, one per line)
          </label>
          <textarea
            id={textId}
            ref={textRef}
            data-testid="import-text"
            rows={8}
            spellCheck={false}
            value={text}
            placeholder={example}
            maxLength={100_000}
            onChange={(event) => setText(event.target.value)}
            className={`${inputClass} font-mono text-xs`}
            aria-describedby={`${textId}-help`}
          />
          <p id={`${textId}-help`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Lines may carry kind settings (<code className="font-mono">settings</code>) and credentials (
            <code className="font-mono">secrets</code>); credentials go straight to the encrypted store. Without them, add
            credentials by editing the endpoint afterwards.
          </p>
        </div>
        {importEndpoints.error && <ErrorMessage title="Nothing was imported" error={importEndpoints.error} />}
        {result && (
          <div role="status" data-testid="import-result" className="space-y-1 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
            <p className="font-medium">
              Added {result.added.length} endpoint{result.added.length === 1 ? '' : 's'}; skipped {result.skipped.length}.
            </p>
            {result.skipped.length > 0 && (
              <ul className="list-disc space-y-0.5 pl-5 text-slate-700 dark:text-slate-300">
                {result.skipped.map((reason, index) => (
                  <li key={index} className="break-words">
                    {reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <DialogFooter>
          <Button onClick={onClose}>{result ? 'Close' : 'Cancel'}</Button>
          <Button type="submit" variant="primary" data-testid="import-submit" disabled={importEndpoints.isPending || text.trim() === ''}>
            {importEndpoints.isPending ? 'Importing…' : 'Import'}
          </Button>
        </DialogFooter>
      </form>
    </ModalDialog>
  );
}
