import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../../hooks/use-client';
import { formatDateTime } from '../../../lib/format-date';
import { queryKeys } from '../../../queries/keys';
import { SelectField } from '../shared/SelectField';
import { parentCandidates } from './create-options';

export interface ParentBackupFieldProps {
  endpointId: string;
  instanceId: string;
  value: string;
  onChange(parentId: string): void;
}

/**
 * The instance's backups, asked for with Trove's own `instance_id` filter: the grid's list may be
 * filtered differently (or paged), and a parent must be one of this instance's backups.
 */
function useInstanceBackups(endpointId: string, instanceId: string) {
  const client = useClient();
  const filters = { instance_id: instanceId };
  return useQuery({
    queryKey: queryKeys.backups.filteredList(endpointId, filters),
    queryFn: () => client.call('backups.list', { endpointId, filters }),
    enabled: instanceId !== '',
    staleTime: 30_000,
  });
}

/** The backup an incremental one builds on, from the instance's completed backups. */
export function ParentBackupField({ endpointId, instanceId, value, onChange }: ParentBackupFieldProps) {
  const { data: backups, isPending } = useInstanceBackups(endpointId, instanceId);
  const candidates = parentCandidates(backups ?? [], instanceId);
  const help =
    instanceId === ''
      ? 'Pick the instance first.'
      : isPending
        ? 'Loading the instance’s backups…'
        : candidates.length === 0
          ? 'This instance has no completed backup in the list yet: Trove refuses an incremental backup without one.'
          : 'Trove uses the instance’s latest completed backup unless you pick another.';
  return (
    <SelectField
      label="Parent backup"
      testId="create-parent"
      value={value}
      onChange={onChange}
      help={help}
      options={[
        { value: '', label: 'Latest completed backup (Trove’s default)' },
        ...candidates.map((b) => ({
          value: b.id,
          label: `${b.name ?? b.id}${b.createdAt ? ` — ${formatDateTime(b.createdAt)}` : ''}`,
        })),
      ]}
    />
  );
}
