import { useState } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { carriesFiles } from '../../lib/upload-drop';
import { useConnectionTest } from '../../queries/use-connection-test';
import { useEndpointHealth } from '../../queries/use-endpoint-health';
import { useKindInfo } from '../../queries/use-kinds';
import { toClientError } from '../../client/client-error';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';
import { HealthDot } from '../ui/HealthDot';
import { dropEndpointAttribute } from '../uploads/use-window-file-drop';

const dropHighlight = {
  accepts: 'ring-2 ring-blue-500 bg-blue-50 dark:ring-blue-400 dark:bg-blue-950/60',
  refuses: 'ring-2 ring-slate-400 dark:ring-slate-500',
};

export function EndpointListItem({ endpoint, selected }: { endpoint: EndpointView; selected: boolean }) {
  const kind = useKindInfo(endpoint.kind);
  const test = useConnectionTest(endpoint.id);
  const selectEndpoint = useUiStore((state) => state.selectEndpoint);
  const openDialog = useUiStore((state) => state.openDialog);
  const result = test.data;
  const health = useEndpointHealth(endpoint.id, test);
  // A file dragged over the item goes to this endpoint; the window-level drop handler does the upload.
  const [fileOver, setFileOver] = useState(false);
  const highlight = fileOver ? (endpoint.capabilities.upload.enabled ? dropHighlight.accepts : dropHighlight.refuses) : '';

  return (
    <li
      data-testid="endpoint-item"
      data-endpoint-id={endpoint.id}
      {...{ [dropEndpointAttribute]: endpoint.id }}
      data-file-over={fileOver || undefined}
      onDragEnter={(event) => carriesFiles(event.dataTransfer) && setFileOver(true)}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFileOver(false);
      }}
      onDrop={() => setFileOver(false)}
      className={`group rounded-md border ${selected ? 'border-blue-300 bg-white shadow-sm dark:border-blue-700 dark:bg-slate-800' : 'border-transparent hover:bg-white/70 dark:hover:bg-slate-800/60'} ${highlight}`}
    >
      <button
        type="button"
        aria-current={selected ? 'true' : undefined}
        onClick={() => selectEndpoint(endpoint.id)}
        className="flex w-full items-start gap-2.5 rounded-md px-2.5 pt-2 pb-1 text-left"
      >
        <span className="pt-1.5">
          <HealthDot test={health} testing={test.isFetching} />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium">{endpoint.name}</span>
          <span className="block truncate text-xs text-slate-600 dark:text-slate-400">
            {kind?.label ?? endpoint.kind}
            {endpoint.url ? ` · ${endpoint.url.replace(/^https?:\/\//, '')}` : ' · discovered'}
          </span>
        </span>
      </button>
      {(result || test.error) && (
        <div role="status" className={`space-y-0.5 px-2.5 text-xs break-words ${result?.ok ? 'text-green-800 dark:text-green-300' : 'text-red-700 dark:text-red-300'}`}>
          <p>{result ? result.message : `The test could not run: ${toClientError(test.error).message}`}</p>
          {result?.hint && !result.ok && <p className="text-slate-700 dark:text-slate-300">{result.hint}</p>}
        </div>
      )}
      <div className="flex gap-1 px-1.5 pt-0.5 pb-1.5">
        <Button size="sm" variant="ghost" disabled={test.isFetching} onClick={() => void test.refetch()} aria-label={`Test connection to ${endpoint.name}`}>
          {test.isFetching ? 'Testing…' : 'Test'}
        </Button>
        <Button size="sm" variant="ghost" data-testid="endpoint-edit" aria-label={`Edit ${endpoint.name}`} onClick={() => openDialog({ type: 'endpoint-form', endpointId: endpoint.id })}>
          Edit
        </Button>
        <Button size="sm" variant="ghost" data-testid="endpoint-remove" aria-label={`Remove ${endpoint.name}`} onClick={() => openDialog({ type: 'remove-endpoint', endpointId: endpoint.id })}>
          Remove
        </Button>
      </div>
    </li>
  );
}
