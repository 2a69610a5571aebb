// Child process for the resume test: starts a create, prints the ids the job runner would persist,
// then keeps running until the test kills it (an app that dies mid-backup, without cancelling).
import { createPiecesProvider } from '../provider';
import { makeContext } from './harness';

const url = process.argv[2];
if (!url) throw new Error('usage: abandoned-create.ts <pieces url>');
const { ctx } = makeContext(url);
const ids: { backupId?: string } = {};
void createPiecesProvider({ pollIntervalMs: 100 }).createBackup(ctx, {
  signal: new AbortController().signal,
  progress: () => undefined,
  setBackupId: (id) => (ids.backupId = id),
  setRemoteRef: (remoteRef) => process.stdout.write(JSON.stringify({ backupId: ids.backupId, remoteRef }) + '\n'),
  recordSavedFile: () => undefined,
});
