import { useEffect } from 'react';
import type { Resource } from '../../../../../shared/domain';
import { useResources } from '../../../queries/use-resources';
import { formatBytes } from '../../../lib/format-bytes';
import { TextField } from '../../ui/TextField';
import { ResourcePicker, type ResourceColumn } from '../shared/ResourcePicker';
import { idColumn } from '../shared/resource-columns';
import type { KindFormProps, RestoreContext } from '../types';
import { minimumVolumeSize, sourceInstanceOf, suggestedVolumeSize, type TroveRestoreDraft } from './restore-options';

const detailNumber = (r: Resource, key: string) => (typeof r.details[key] === 'number' ? (r.details[key] as number) : undefined);

const flavorColumns: ResourceColumn[] = [
  idColumn,
  { header: 'vCPUs', cell: (r) => detailNumber(r, 'vcpus') ?? '—' },
  {
    header: 'RAM',
    cell: (r) => {
      const mib = detailNumber(r, 'ram_mb');
      return mib === undefined ? '—' : formatBytes(mib * 2 ** 20);
    },
  },
  { header: 'Disk', cell: (r) => (detailNumber(r, 'disk_gb') === undefined ? '—' : `${detailNumber(r, 'disk_gb')} GB`) },
];

/** The backup's size is the data it holds: a minimum, not a recommendation. */
function volumeSizeHelp(minimum: number, source: Resource | undefined): string {
  const prefilled = source ? `the volume size of the instance it was taken of (${source.name ?? source.id})` : "the backup's size with head-room (×1.5, at least 1 GB more)";
  return `Prefilled with ${prefilled}. The backup's size (${minimum} GB rounded up) is only the minimum it fits in, not a recommendation: a volume that small fills up and the restore ends in ERROR.`;
}

export function TroveRestoreForm({ context, draft, onChange, errors }: KindFormProps<TroveRestoreDraft, RestoreContext>) {
  const { endpoint, backup } = context;
  const minimum = minimumVolumeSize(backup);
  // The source instance's volume is the best default; the list arrives after the form opens.
  const instances = useResources(endpoint.id, 'instances').data;
  const source = sourceInstanceOf(backup, instances);
  const suggested = suggestedVolumeSize(backup, instances);
  useEffect(() => {
    if (!draft.volumeSizeTouched && draft.volumeSize !== String(suggested)) onChange({ volumeSize: String(suggested) });
  }, [draft.volumeSizeTouched, draft.volumeSize, suggested, onChange]);
  const original = [backup.details.datastore, backup.details.datastore_version].filter((v) => typeof v === 'string' && v !== '').join(' ');
  return (
    <div className="space-y-4">
      <TextField
        label="Name of the new instance"
        testId="restore-instance-name"
        required
        value={draft.name}
        maxLength={300}
        onChange={(e) => onChange({ name: e.target.value })}
        error={errors.name}
        help="The restore creates this new database instance; the original instance is left as it is."
      />
      <ResourcePicker
        endpointId={endpoint.id}
        type="flavors"
        legend="Flavor of the new instance"
        noun="flavors"
        testId="restore-flavor-picker"
        emptyText="This cloud offers no database flavors."
        columns={flavorColumns}
        selectedId={draft.flavorRef}
        onSelect={(flavor) => onChange({ flavorRef: flavor.id })}
        error={errors.flavorRef}
      />
      <TextField
        label="Volume size (GB)"
        testId="restore-volume-size"
        type="number"
        inputMode="numeric"
        min={minimum}
        step={1}
        value={draft.volumeSize}
        onChange={(e) => onChange({ volumeSize: e.target.value, volumeSizeTouched: true })}
        error={errors.volume_size}
        help={volumeSizeHelp(minimum, source)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Datastore"
          testId="restore-datastore"
          value={draft.datastore}
          maxLength={300}
          spellCheck={false}
          onChange={(e) => onChange({ datastore: e.target.value })}
          error={errors.datastore}
          help={original ? `The backup's: ${original}.` : 'Empty uses the backup’s.'}
        />
        <TextField
          label="Datastore version"
          testId="restore-datastore-version"
          value={draft.datastoreVersion}
          maxLength={300}
          spellCheck={false}
          onChange={(e) => onChange({ datastoreVersion: e.target.value })}
          error={errors.datastore_version}
        />
      </div>
    </div>
  );
}
