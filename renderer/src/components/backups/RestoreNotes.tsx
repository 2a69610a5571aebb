import type { EndpointView } from '../../../../shared/contract';
import type { KindInfo } from '../../../../shared/domain';
import { Callout } from './Callout';

/**
 * What the restore does to the endpoint, and what cancelling it would do. When cancelling is not
 * offered (a Cinder member: only cloud admins can force-delete or reset a restore), only the
 * reason is shown, never the cancel wording.
 */
export function RestoreNotes({ endpoint, kind, warningTitle }: { endpoint: EndpointView; kind: KindInfo | undefined; warningTitle: string }) {
  const cancel = endpoint.capabilities.cancelRestore;
  return (
    <>
      <div data-testid="restore-warning">
        <Callout tone="warning" title={warningTitle}>
          {kind?.restoreWarning ?? 'The current data on this endpoint is replaced by the backup.'}
        </Callout>
      </div>
      <div data-testid="restore-cancel-note" data-cancellable={cancel.enabled}>
        <Callout tone="neutral" title="If you cancel while it runs">
          {cancel.enabled ? kind?.cancelRestoreNote : `Once started, this restore cannot be cancelled. ${cancel.reason ?? ''}`}
        </Callout>
      </div>
    </>
  );
}
