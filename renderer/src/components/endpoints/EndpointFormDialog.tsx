import { useState } from 'react';
import type { KindInfo } from '../../../../shared/domain';
import { useEndpoints } from '../../queries/use-endpoints';
import { useKinds } from '../../queries/use-kinds';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ModalDialog } from '../ui/ModalDialog';
import { Spinner } from '../ui/Spinner';
import { ConfigFileImport } from './ConfigFileImport';
import { EndpointForm } from './EndpointForm';
import { useConfigFileImport } from './use-config-file-import';


/** Add (no id) or edit an endpoint. Waits for the kind list, which drives every field. */
export function EndpointFormDialog({ endpointId, onClose }: { endpointId?: string; onClose(): void }) {
  const kinds = useKinds();
  const { data: endpoints } = useEndpoints();
  const endpoint = endpointId ? endpoints?.find((e) => e.id === endpointId) : undefined;
  const [configFileKind, setConfigFileKind] = useState<(KindInfo & { configFileLabel: string }) | null>(null);
  const configFile = useConfigFileImport();

  const title = endpoint ? `Edit ${endpoint.name}` : configFileKind ? `Add endpoint from ${configFileKind.configFileLabel}` : 'Add endpoint';
  return (
    <ModalDialog title={title} onClose={onClose} width="lg">
      {kinds.isPending ? (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <Spinner /> Loading endpoint kinds…
        </p>
      ) : kinds.isError ? (
        <ErrorMessage title="Could not load endpoint kinds" error={kinds.error} onRetry={() => void kinds.refetch()} />
      ) : endpointId && !endpoint ? (
        <ErrorMessage error={new Error('This endpoint no longer exists. It may have been removed in another window.')} />
      ) : (
        <>
          {configFileKind && <ConfigFileImport kind={configFileKind} state={configFile} onBack={() => setConfigFileKind(null)} onDone={onClose} />}
          {/* Hidden, not unmounted, so "Back to the form" finds what was typed. */}
          <div hidden={Boolean(configFileKind)}>
            <EndpointForm
              kinds={kinds.data}
              endpoint={endpoint}
              onDone={onClose}
              onImportConfigFile={(kind, file) => {
                if (!kind.configFileLabel) return;
                setConfigFileKind({ ...kind, configFileLabel: kind.configFileLabel });
                if (file) void configFile.load(kind.kind, file);
              }}
            />
          </div>
        </>
      )}
    </ModalDialog>
  );
}
