import { TextField } from '../../ui/TextField';
import { CheckboxField } from '../shared/CheckboxField';
import { ResourcePicker, type ResourceColumn } from '../shared/ResourcePicker';
import { idColumn, statusColumn } from '../shared/resource-columns';
import { TextAreaField } from '../shared/TextAreaField';
import type { CreateContext, KindFormProps } from '../types';
import { instanceUnavailableReason, type TroveCreateDraft } from './create-options';
import { ParentBackupField } from './ParentBackupField';

const instanceColumns: ResourceColumn[] = [
  idColumn,
  {
    header: 'Datastore',
    cell: (r) => [r.details.datastore, r.details.version].filter((v) => typeof v === 'string' && v !== '').join(' ') || '—',
  },
  statusColumn,
];

export function TroveCreateForm({ context, draft, onChange, errors }: KindFormProps<TroveCreateDraft, CreateContext>) {
  return (
    <div className="space-y-4">
      <ResourcePicker
        endpointId={context.endpoint.id}
        type="instances"
        legend="Database instance to back up"
        noun="database instances"
        testId="create-instance-picker"
        emptyText="This project has no database instances."
        columns={instanceColumns}
        selectedId={draft.instance}
        // A parent belongs to one instance: a new instance drops the old choice.
        onSelect={(instance) => onChange({ instance: instance.id, parentId: '' })}
        unavailableReason={instanceUnavailableReason}
        error={errors.instance}
      />
      <TextField
        label="Backup name"
        testId="create-name"
        required
        value={draft.name}
        maxLength={300}
        onChange={(e) => onChange({ name: e.target.value })}
        error={errors.name}
        help="Must contain at least one letter or digit."
      />
      <TextAreaField
        label="Description (optional)"
        testId="create-description"
        value={draft.description}
        maxLength={300}
        onChange={(e) => onChange({ description: e.target.value })}
        error={errors.description}
      />
      <CheckboxField
        label="Incremental backup"
        testId="create-incremental"
        checked={draft.incremental}
        onChange={(incremental) => onChange({ incremental })}
        help="Stores only the changes since an earlier backup of the same instance, which must exist and be completed."
      />
      {draft.incremental && (
        <ParentBackupField endpointId={context.endpoint.id} instanceId={draft.instance} value={draft.parentId} onChange={(parentId) => onChange({ parentId })} />
      )}
    </div>
  );
}
