import type { CinderCreateDraft } from './create-options';
import { volumeUnavailableReason } from './create-options';
import type { CreateContext, KindFormProps } from '../types';
import { TextField } from '../../ui/TextField';
import { CheckboxField } from '../shared/CheckboxField';
import { MetadataRowsField } from '../shared/MetadataRowsField';
import { ResourcePicker } from '../shared/ResourcePicker';
import { idColumn, sizeColumn, statusColumn } from '../shared/resource-columns';
import { TextAreaField } from '../shared/TextAreaField';

const volumeColumns = [idColumn, sizeColumn, statusColumn];

export function CinderCreateForm({ context, draft, onChange, errors }: KindFormProps<CinderCreateDraft, CreateContext>) {
  return (
    <div className="space-y-4">
      <ResourcePicker
        endpointId={context.endpoint.id}
        type="volumes"
        legend="Volume to back up"
        noun="volumes"
        testId="create-volume-picker"
        emptyText="This project has no volumes."
        columns={volumeColumns}
        selectedId={draft.volumeId}
        onSelect={(volume) => onChange({ volumeId: volume.id, volumeStatus: volume.status ?? '' })}
        unavailableReason={(volume) => volumeUnavailableReason(volume, draft.force)}
        error={errors.volume_id}
      />
      <CheckboxField
        label="Back up an in-use volume (force)"
        testId="create-force"
        checked={draft.force}
        // Unticking it makes an attached volume unpickable, so an in-use pick is dropped rather than left checked but disabled.
        onChange={(force) => onChange(force || draft.volumeStatus !== 'in-use' ? { force } : { force, volumeId: '', volumeStatus: '' })}
        help="Cinder only backs up a volume attached to a server (in-use) when forced, because the server can write to it while it is copied: the backup is then crash-consistent, like a disk after a power cut. Detach the volume or pause the application for a clean copy."
      />
      <CheckboxField
        label="Incremental backup"
        testId="create-incremental"
        checked={draft.incremental}
        onChange={(incremental) => onChange({ incremental })}
        help="Stores only the blocks changed since the volume's latest backup, so it is faster and smaller. The volume needs an earlier full backup; Cinder refuses an incremental backup without one."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Backup name (optional)" testId="create-name" value={draft.name} maxLength={300} onChange={(e) => onChange({ name: e.target.value })} error={errors.name} />
        <TextField
          label="Container (optional)"
          testId="create-container"
          value={draft.container}
          maxLength={300}
          spellCheck={false}
          onChange={(e) => onChange({ container: e.target.value })}
          error={errors.container}
          help="Where the backup driver stores it; empty uses the cloud's default."
        />
      </div>
      <TextAreaField
        label="Description (optional)"
        testId="create-description"
        value={draft.description}
        maxLength={300}
        onChange={(e) => onChange({ description: e.target.value })}
        error={errors.description}
      />
      <TextField
        label="Snapshot ID (optional)"
        testId="create-snapshot-id"
        value={draft.snapshotId}
        maxLength={300}
        spellCheck={false}
        onChange={(e) => onChange({ snapshotId: e.target.value })}
        error={errors.snapshot_id}
        help="Back up this snapshot of the volume instead of its current contents."
      />
      <MetadataRowsField
        testId="create-metadata"
        rows={draft.metadata}
        onChange={(metadata) => onChange({ metadata })}
        errors={errors}
        help="Stored with the backup. Needs Block Storage API microversion 3.43 or newer: an older cloud refuses the backup, and the error says so."
      />
    </div>
  );
}
