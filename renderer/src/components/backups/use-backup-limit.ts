import { useState } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { backupLimitStatus, type BackupLimitStatus } from '../../lib/backup-limit';
import { confirmationMatches } from '../../lib/confirmation';
import { useBackups } from '../../queries/use-backups';
import { useKindInfo } from '../../queries/use-kinds';

export interface DeleteFirst {
  backupId: string;
  /** Exactly what the operator typed; main compares it to the id again. */
  confirmation: string;
}

export interface BackupLimitChoice {
  endpointName: string;
  kindLabel: string;
  /** undefined: the kind has no limit, or the list is not known (see `counting`). */
  status: BackupLimitStatus | undefined;
  /** The kind has a limit and the list is still loading. */
  counting: boolean;
  /** The list could not be read: the endpoint enforces its limit anyway, so nothing is blocked. */
  listError: unknown;
  deleteOldest: boolean;
  setDeleteOldest(checked: boolean): void;
  typed: string;
  setTyped(text: string): void;
  /** What to send with the call, once the operator ticked the box and typed the id. */
  deleteFirst: DeleteFirst | undefined;
  /** Why the create or upload must wait; undefined when it may go. */
  blockedReason: string | undefined;
}

/**
 * The backup limit of an endpoint (a network appliance keeps two) as the create and upload dialogs
 * need it: the count from the backups list, the oldest backup to offer, and the typed confirmation.
 */
export function useBackupLimit(endpoint: EndpointView): BackupLimitChoice {
  const kind = useKindInfo(endpoint.kind);
  const backups = useBackups(kind?.backupLimit === undefined ? undefined : endpoint.id);
  const [deleteOldest, setDeleteOldest] = useState(false);
  const [typed, setTyped] = useState('');
  const status = backupLimitStatus(kind?.backupLimit, backups.data);
  const counting = kind?.backupLimit !== undefined && !backups.data && backups.isPending;
  const oldest = status?.full ? status.oldest : undefined;
  const confirmed = oldest !== undefined && deleteOldest && confirmationMatches(typed, oldest.id);

  return {
    endpointName: endpoint.name,
    kindLabel: kind?.label ?? endpoint.kind,
    status,
    counting,
    listError: backups.data ? null : backups.error,
    deleteOldest,
    setDeleteOldest,
    typed,
    setTyped,
    deleteFirst: confirmed ? { backupId: oldest.id, confirmation: typed } : undefined,
    blockedReason: blockedReason(endpoint.name, status, counting, deleteOldest, confirmed),
  };
}

function blockedReason(name: string, status: BackupLimitStatus | undefined, counting: boolean, ticked: boolean, confirmed: boolean): string | undefined {
  if (counting) return `Counting the backups on ${name}…`;
  if (!status?.full || confirmed) return undefined;
  const held = `${name} holds ${status.count} of ${status.limit} backups`;
  if (!status.oldest) return `${held} and none of them can be deleted yet. Wait for the running backup to finish.`;
  if (!ticked) return `${held}: tick “Delete ${status.oldest.id} first”, or delete a backup yourself.`;
  return `Type ${status.oldest.id} to confirm deleting it first.`;
}
