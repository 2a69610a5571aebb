import type { Resource } from '../../../../../shared/domain';
import { formatBytes } from '../../../lib/format-bytes';
import type { ResourceColumn } from './ResourceRow';

/** Columns several pickers share. Sizes keep the endpoint's own wording ("10 GiB") when it gave one. */
export const idColumn: ResourceColumn = {
  header: 'ID',
  cell: (r: Resource) => <span className="font-mono text-xs break-all">{r.id}</span>,
};

export const sizeColumn: ResourceColumn = {
  header: 'Size',
  cell: (r: Resource) => <span className="whitespace-nowrap">{r.sizeReported ?? formatBytes(r.sizeBytes)}</span>,
};

export const statusColumn: ResourceColumn = {
  header: 'Status',
  cell: (r: Resource) => <span className="font-mono text-xs">{r.status ?? '—'}</span>,
};
