import { AppError } from '../../../shared/errors';
import type { DownloadSink } from '../../core/files/download-sink';
import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { createdThisSession, parseVersion } from './controller-facts';
import { downloadArchive } from './download';
import { storedInDatabase } from './normalise';
import { downloadedOutcome } from './outcomes';
import { backupMetadata } from './read-operations';
import { withJuju } from './session';
import type { JujuTiming } from './timing';

/** Looks the backup's checksum and size up (Info on 2.x; this session's Create on 3.x), then streams and verifies it. */
export async function downloadBackup(timing: JujuTiming, ctx: ProviderContext, backupId: string, sink: DownloadSink, op: OperationContext): Promise<OperationOutcome> {
  op.progress({ stage: 'Signing in to the controller' });
  const found = await withJuju(ctx, timing, async (session) => ({ meta: await backupMetadata(session, ctx, backupId), access: session.access, facts: session.facts }));
  const { meta, access, facts } = found;
  if (parseVersion(facts.serverVersion).major >= 4) throw new AppError('unsupported', `Juju ${facts.serverVersion} does not serve backup downloads over its API yet.`);
  op.setBackupId(meta.id);
  const oneShot = !storedInDatabase(meta);
  await downloadArchive({ ctx, access, modelUuid: facts.modelUuid, meta, sink, op, oneShot });
  if (oneShot) createdThisSession(ctx.memo).delete(meta.id);
  return { state: 'succeeded', outcome: downloadedOutcome(meta, sink.destination, oneShot), backupId: meta.id };
}
