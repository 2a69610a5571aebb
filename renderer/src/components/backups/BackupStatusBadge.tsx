import type { Backup } from '../../../../shared/domain';
import { backupStateTones } from '../../lib/labels';
import { Badge } from '../ui/Badge';

/** The badge colour comes from the normalised state; the text is the status as the server spelled it. */
export function BackupStatusBadge({ backup }: { backup: Pick<Backup, 'state' | 'statusText'> }) {
  const text = backup.statusText || backup.state;
  return (
    <Badge tone={backupStateTones[backup.state]} title={text}>
      {text}
    </Badge>
  );
}
