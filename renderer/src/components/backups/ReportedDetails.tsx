import type { Backup } from '../../../../shared/domain';
import { detailRows } from '../../lib/detail-fields';
import { DetailList } from './DetailList';

/** Every other field the endpoint reported, with readable labels (the wire name on hover). */
export function ReportedDetails({ details, shownElsewhere }: { details: Backup['details']; shownElsewhere: readonly string[] }) {
  const rows = detailRows(details, shownElsewhere);
  if (rows.length === 0) return null;
  return (
    <>
      <h3 className="mt-4 mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">Reported by the endpoint</h3>
      <DetailList
        testId="backup-reported-details"
        items={rows.map((row) => ({ label: row.label, labelTitle: row.key, value: row.value, long: row.long }))}
      />
    </>
  );
}
