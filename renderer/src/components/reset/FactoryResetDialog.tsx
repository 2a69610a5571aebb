import { useRef, useState, type FormEvent } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { confirmationMatches } from '../../lib/confirmation';
import { useKindInfo } from '../../queries/use-kinds';
import { useUiStore } from '../../state/ui-store';
import { TypedConfirmationField } from '../kinds/shared/TypedConfirmationField';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ModalDialog } from '../ui/ModalDialog';
import { FactoryResetConsequences } from './FactoryResetConsequences';
import { SafetyBackupSection } from './SafetyBackupSection';
import { useFactoryReset } from './use-factory-reset';

/**
 * The most destructive action in the app. It lists what the reset does (from the kind), offers a
 * safety backup first, and unlocks only when the endpoint's name is typed exactly. Focus starts on
 * Cancel (PBS's default "No"), so a stray Enter never wipes a device. Once started, the job shows
 * its stages in the jobs panel.
 */
export function FactoryResetDialog({ endpoint, onClose }: { endpoint: EndpointView; onClose(): void }) {
  const kind = useKindInfo(endpoint.kind);
  const reset = useFactoryReset();
  const openDialog = useUiStore((state) => state.openDialog);
  const [typed, setTyped] = useState('');
  const cancelRef = useRef<HTMLButtonElement>(null);
  const matches = confirmationMatches(typed, endpoint.name);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches || reset.isPending) return;
    reset.mutate({ endpointId: endpoint.id, confirmation: typed }, { onSuccess: onClose });
  }

  return (
    <ModalDialog
      title={`Factory reset ${endpoint.name}`}
      description={
        <>
          {kind?.label ?? endpoint.kind}
          {endpoint.url ? (
            <>
              {' '}
              at <span className="font-mono text-xs break-all">{endpoint.url}</span>
            </>
          ) : null}
          . Erases the device and returns it to its initial configuration.
        </>
      }
      onClose={onClose}
      testId="factory-reset-dialog"
      initialFocus={cancelRef}
      width="lg"
    >
      <form onSubmit={submit} noValidate className="space-y-4 text-sm">
        <FactoryResetConsequences consequences={kind?.factoryResetConsequences} endpointName={endpoint.name} />
        <SafetyBackupSection endpoint={endpoint} onCreateSafetyBackup={() => openDialog({ type: 'create-backup', endpointId: endpoint.id, presetDownload: true })} />
        <TypedConfirmationField expectedText={endpoint.name} what="the endpoint's name" value={typed} onChange={setTyped} />
        {reset.error && <ErrorMessage testId="factory-reset-error" title="The reset did not start" error={reset.error} />}
        <DialogFooter>
          <Button ref={cancelRef} onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="danger"
            data-testid="factory-reset-submit"
            disabled={!matches || reset.isPending}
            className="max-w-full"
            title={`Factory reset ${endpoint.name}`}
          >
            <span className="truncate">{reset.isPending ? 'Starting the reset…' : `Factory reset ${endpoint.name}`}</span>
          </Button>
        </DialogFooter>
      </form>
    </ModalDialog>
  );
}
