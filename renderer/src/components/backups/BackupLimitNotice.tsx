import type { Backup } from '../../../../shared/domain';
import { useNow } from '../../hooks/use-now';
import { sizeDetail } from '../../lib/backup-display';
import { limitSentence } from '../../lib/backup-limit';
import { formatDateTime, formatRelative } from '../../lib/format-date';
import { CheckboxField } from '../kinds/shared/CheckboxField';
import { TypedConfirmationField } from '../kinds/shared/TypedConfirmationField';
import { DetailList } from './DetailList';
import type { BackupLimitChoice } from './use-backup-limit';

export interface BackupLimitNoticeProps {
  limit: BackupLimitChoice;
  action: 'upload' | 'create';
}

const boxClass = 'rounded-md border p-3 text-sm';
const warningClass = 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100';
const neutralClass = 'border-slate-200 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-200';

/**
 * For kinds that keep only a few backups: how many there are, and at the limit the oldest one with
 * a typed, opt-in "delete it first" (the same job deletes it, then creates or uploads).
 */
export function BackupLimitNotice({ limit, action }: BackupLimitNoticeProps) {
  const { status, endpointName, kindLabel } = limit;
  if (limit.counting) {
    return (
      <p role="status" className="text-slate-600 dark:text-slate-400">
        Counting the backups on {endpointName}…
      </p>
    );
  }
  if (!status) {
    if (!limit.listError) return null;
    return (
      <p data-testid="backup-limit-notice" className={`${boxClass} ${neutralClass}`}>
        Could not count the backups on {endpointName}. {kindLabel} keeps only a few; if it is full, it refuses this {action} and says so.
      </p>
    );
  }
  if (!status.full) {
    const left = status.limit - status.count;
    return (
      <p data-testid="backup-limit-notice" data-full="false" className="text-xs text-slate-600 dark:text-slate-400">
        {kindLabel} keeps at most {status.limit} backups. {endpointName} holds {status.count}
        {left === 1 ? ', so this one fills it: the next one will need the oldest deleted first.' : `, room for ${left} more.`}
      </p>
    );
  }
  return (
    <div data-testid="backup-limit-notice" data-full="true" className={`${boxClass} ${warningClass} space-y-3`}>
      <div>
        <p className="font-semibold">
          {endpointName} already holds {status.count} of {status.limit} backups
        </p>
        <p className="mt-0.5">{limitSentence(kindLabel, status.limit, action)}</p>
      </div>
      {status.oldest ? (
        <DeleteOldestChoice limit={limit} oldest={status.oldest} action={action} />
      ) : (
        <p>None of them can be deleted while a backup is still being made. Wait for it to finish.</p>
      )}
    </div>
  );
}

function DeleteOldestChoice({ limit, oldest, action }: { limit: BackupLimitChoice; oldest: Backup; action: 'upload' | 'create' }) {
  const now = useNow(60_000);
  const description = oldest.name ?? (typeof oldest.details.description === 'string' ? oldest.details.description : undefined);
  return (
    <div className="space-y-3 rounded-md border border-amber-200 bg-white p-3 text-slate-900 dark:border-amber-900 dark:bg-slate-900 dark:text-slate-100">
      <div>
        <p className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">Oldest backup</p>
        <DetailList
          testId="backup-limit-oldest"
          items={[
            { label: 'Id', value: oldest.id, mono: true },
            { label: 'Description', value: description?.trim() ? description : <span className="text-slate-600 dark:text-slate-400">none</span> },
            {
              label: 'Created',
              value: oldest.createdAt ? `${formatDateTime(oldest.createdAt)} (${formatRelative(oldest.createdAt, now)})` : 'unknown',
            },
            { label: 'Size', value: sizeDetail(oldest) },
          ]}
        />
      </div>
      <CheckboxField
        label={
          <>
            Delete <span className="font-mono">{oldest.id}</span> first
          </>
        }
        testId="backup-limit-delete-oldest"
        checked={limit.deleteOldest}
        onChange={(checked) => {
          limit.setDeleteOldest(checked);
          if (!checked) limit.setTyped('');
        }}
        help={`The same job deletes it from the endpoint, then ${action === 'upload' ? 'sends the file' : 'makes the new backup'}. It cannot be restored afterwards: download it first if you may need it.`}
      />
      {limit.deleteOldest && (
        <TypedConfirmationField expectedText={oldest.id} what="the backup to delete" value={limit.typed} onChange={limit.setTyped} />
      )}
    </div>
  );
}
