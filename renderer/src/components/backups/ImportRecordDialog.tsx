import { useId, useRef, type DragEvent, type FormEvent } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { formatBytes } from '../../lib/format-bytes';
import { useImportRecord } from '../../queries/use-backup-mutations';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ModalDialog } from '../ui/ModalDialog';
import { DetailList } from './DetailList';
import { isFileDrag, RecordDropZone } from './RecordDropZone';
import { useRecordFile, type RecordFileState } from './use-record-file';

/**
 * Registers a backup from a record file "Export record" saved (on this cloud or another one with
 * the same backup store). The file is read and checked here; main parses it again.
 */
export function ImportRecordDialog({ endpoint, onClose }: { endpoint: EndpointView; onClose(): void }) {
  const importRecord = useImportRecord();
  const { state, accept } = useRecordFile();
  const helpId = useId();
  const chooseRef = useRef<HTMLButtonElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (state.status !== 'ready' || importRecord.isPending) return;
    importRecord.mutate({ endpointId: endpoint.id, text: state.text }, { onSuccess: onClose });
  }

  // The whole dialog takes the drop, not only the zone; without preventDefault the browser would open the file.
  function onDragOver(event: DragEvent) {
    if (!isFileDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }
  function onDrop(event: DragEvent) {
    event.preventDefault();
    importRecord.reset();
    void accept(event.dataTransfer?.files);
  }

  return (
    <ModalDialog title="Import a backup record" onClose={onClose} testId="import-record-dialog" initialFocus={chooseRef}>
      <form onSubmit={submit} onDragOver={onDragOver} onDrop={onDrop} noValidate className="space-y-4 text-sm">
        <p id={helpId} className="text-slate-700 dark:text-slate-300">
          Registers a backup on <strong>{endpoint.name}</strong> from the record file that “Export record” saved. The backup data itself must already be
          in a backup store this cloud can reach.
        </p>
        <RecordDropZone
          describedBy={helpId}
          chooseRef={chooseRef}
          onFiles={(files) => {
            importRecord.reset();
            void accept(files);
          }}
        />
        <RecordFileStatus state={state} />
        {importRecord.error && <ErrorMessage title="The record was not imported" error={importRecord.error} testId="import-record-error" />}
        <DialogFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" data-testid="import-record-submit" disabled={state.status !== 'ready' || importRecord.isPending}>
            {importRecord.isPending ? 'Importing…' : 'Import'}
          </Button>
        </DialogFooter>
      </form>
    </ModalDialog>
  );
}

function RecordFileStatus({ state }: { state: RecordFileState }) {
  if (state.status === 'empty') return null;
  if (state.status === 'reading') {
    return (
      <p role="status" className="text-slate-600 dark:text-slate-400">
        Reading {state.name}…
      </p>
    );
  }
  if (state.status === 'invalid') {
    return (
      <p role="alert" data-testid="import-record-problem" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100">
        {state.message}
      </p>
    );
  }
  return (
    <div role="status" data-testid="import-record-preview" className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <DetailList
        items={[
          { label: 'File', value: `${state.name} (${formatBytes(state.size)})` },
          { label: 'Backup service', value: state.preview.backupService },
          { label: 'Backup URL', value: `Opaque, ${state.preview.backupUrlLength} characters: only the backup service can read it; it is sent unchanged.` },
        ]}
      />
    </div>
  );
}
