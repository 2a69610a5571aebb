import type { EndpointView } from '../../../../shared/contract';
import type { Backup } from '../../../../shared/domain';
import { saveTextFile } from '../../lib/save-text-file';
import { useExportRecord } from '../../queries/use-export-record';
import { Button } from '../ui/Button';
import { ErrorMessage } from '../ui/ErrorMessage';

/** Saves the endpoint's record of a backup as a file, so it can be imported elsewhere (Cinder export). */
export function ExportRecordButton({ endpoint, backup }: { endpoint: EndpointView; backup: Backup }) {
  const exportRecord = useExportRecord();
  const done = exportRecord.isSuccess && exportRecord.variables.backupId === backup.id;
  const failed = exportRecord.isError && exportRecord.variables.backupId === backup.id;
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-end gap-2">
        {done && (
          <span role="status" className="min-w-0 truncate text-xs text-slate-600 dark:text-slate-400" title={exportRecord.data.fileName}>
            Saved {exportRecord.data.fileName}
          </span>
        )}
        <Button
          data-testid="export-record-button"
          disabled={exportRecord.isPending}
          onClick={() =>
            exportRecord.mutate(
              { endpointId: endpoint.id, backupId: backup.id },
              { onSuccess: ({ fileName, text }) => saveTextFile(fileName, text) },
            )
          }
        >
          {exportRecord.isPending ? 'Exporting…' : 'Export record…'}
        </Button>
      </div>
      {failed && <ErrorMessage testId="export-record-error" title="The record was not exported" error={exportRecord.error} />}
    </div>
  );
}
