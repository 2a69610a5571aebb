import { Callout } from '../../backups/Callout';
import { TextField } from '../../ui/TextField';
import { ResourcePicker } from '../shared/ResourcePicker';
import { idColumn, sizeColumn, statusColumn } from '../shared/resource-columns';
import type { KindFormProps, RestoreContext } from '../types';
import { RestoreTargetField } from './RestoreTargetField';
import { targetVolumeUnavailableReason, type CinderRestoreDraft } from './restore-options';

const volumeColumns = [idColumn, sizeColumn, statusColumn];

export function CinderRestoreForm({ context, draft, onChange, errors }: KindFormProps<CinderRestoreDraft, RestoreContext>) {
  const { endpoint, backup } = context;
  return (
    <div className="space-y-4">
      <RestoreTargetField value={draft.target} onChange={(target) => onChange({ target })} />
      {draft.target === 'new' ? (
        <TextField
          label="Name of the new volume (optional)"
          testId="restore-new-name"
          value={draft.name}
          maxLength={300}
          onChange={(e) => onChange({ name: e.target.value })}
          error={errors.name}
          help="Cinder creates a volume as large as the backup; empty lets Cinder name it."
        />
      ) : (
        <>
          <div data-testid="restore-overwrite-warning">
            <Callout tone="warning" title="Everything on the chosen volume is overwritten">
              Every block of the volume is replaced by the backup; its current data cannot be recovered afterwards. The volume must be detached (available) and
              at least as large as the backup.
            </Callout>
          </div>
          <ResourcePicker
            endpointId={endpoint.id}
            type="volumes"
            legend="Volume to overwrite"
            noun="volumes"
            testId="restore-volume-picker"
            emptyText="This project has no volumes."
            columns={volumeColumns}
            selectedId={draft.volumeId}
            onSelect={(volume) => onChange({ volumeId: volume.id })}
            unavailableReason={(volume) => targetVolumeUnavailableReason(volume, backup)}
            error={errors.volume_id}
          />
        </>
      )}
    </div>
  );
}
