/**
 * The names of every renderer-to-main call and main-to-renderer event.
 * Kept free of imports so the sandboxed preload can bundle it without zod;
 * `contract.ts` must define exactly these names (the compiler enforces it).
 */
export const callNames = [
  'app.info',
  'kinds.list',
  'vault.status',
  'vault.unlock',
  'endpoints.list',
  'endpoints.add',
  'endpoints.update',
  'endpoints.remove',
  'endpoints.test',
  'endpoints.import',
  'endpoints.importConfigFile',
  'backups.list',
  'backups.get',
  'backups.create',
  'backups.backupAsset',
  'backups.restore',
  'backups.delete',
  'backups.exportRecord',
  'backups.importRecord',
  'resources.list',
  'files.chooseSaveLocation',
  'backups.download',
  'backups.inspectUpload',
  'backups.upload',
  'endpoints.inspectCertificate',
  'endpoints.factoryReset',
  'jobs.list',
  'jobs.cancel',
] as const;
export type CallName = (typeof callNames)[number];

export const eventNames = ['job.updated', 'backups.changed', 'endpoints.changed', 'vault.changed'] as const;
export type EventName = (typeof eventNames)[number];

export const ipcCallChannel = (name: CallName): string => `bc:call:${name}`;
/**
 * The preload tells main the path of each File the operator dropped or picked (only a real File
 * has one). Main accepts desktop uploads only from those paths; the page cannot send on it.
 */
export const ipcUploadPathChannel = 'bc:upload-path';
export const ipcEventChannel = (name: EventName): string => `bc:event:${name}`;

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && (callNames as readonly string[]).includes(value);
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value);
}
