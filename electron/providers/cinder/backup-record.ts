import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { openCinder } from './api';
import { followCreate } from './follow-create';
import { notStartedOutcome } from './outcomes';
import { remoteRefFor, type CinderTiming } from './timing';
import { backupRecordSchema, exportRecordSchema } from './wire-schemas';

export async function exportRecord(ctx: ProviderContext, backupId: string): Promise<{ fileName: string; text: string }> {
  const api = await openCinder(ctx);
  const record = await api.exportRecord(backupId);
  const text = JSON.stringify({ 'backup-record': { backup_service: record.backup_service, backup_url: record.backup_url } }, null, 2);
  return { fileName: `cinder-backup-${backupId}.json`, text: `${text}\n` };
}

/** Reads a record file: `{"backup-record":{…}}` as exported, or the bare `{backup_service, backup_url}`. */
export function parseRecordFile(text: string): { backup_service: string; backup_url: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('validation', 'This file is not JSON, so it is not a Cinder backup record.', 'Choose the .json file that "Export record" saved.');
  }
  const wrapped = exportRecordSchema.safeParse(value);
  if (wrapped.success) return wrapped.data['backup-record'];
  const bare = backupRecordSchema.safeParse(value);
  if (bare.success) return bare.data;
  throw new AppError('validation', 'This JSON is not a Cinder backup record: it needs "backup_service" and "backup_url" (inside "backup-record").', 'Choose the .json file that "Export record" saved.');
}

export async function importRecord(timing: CinderTiming, ctx: ProviderContext, text: string, op: OperationContext): Promise<OperationOutcome> {
  const record = parseRecordFile(text);
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  const api = await openCinder(ctx, op.signal);
  op.progress({ stage: `Asking Cinder to import a ${record.backup_service} backup record` });
  const startedAt = Date.now();
  const backupId = await api.importRecord(record);
  op.setBackupId(backupId);
  op.setRemoteRef(remoteRefFor({ op: 'import', backupId }));
  return followCreate({ api, timing, op, backupId, what: 'import', startedAt });
}
