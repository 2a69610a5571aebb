import { AppError } from '../../../shared/errors';
import type { Provider } from '../provider';
import { createBackup } from './create-backup';
import { downloadBackup } from './download-backup';
import { jujuCapabilities, jujuKindInfo } from './info';
import { createOptionsSchema } from './options';
import { deleteBackup, getBackup, listBackups } from './read-operations';
import { restoreBackup } from './restore-backup';
import { resumeOperation } from './resume';
import { JUJU_SERVER_NAME } from './rpc-connection';
import { jujuSettingsSchema } from './settings';
import { importShowController } from './show-controller';
import { testJujuConnection } from './test-connection';
import { defaultJujuTiming, type JujuTiming } from './timing';

/** A Juju controller's Backups facade over its WebSocket API, with archive downloads over HTTPS. */
export function createJujuProvider(overrides: Partial<JujuTiming> = {}): Provider {
  const timing: JujuTiming = { ...defaultJujuTiming, ...overrides };
  return {
    info: jujuKindInfo,
    tlsServerName: JUJU_SERVER_NAME,
    settingsSchema: jujuSettingsSchema,
    createOptionsSchema,
    importConfigFile: importShowController,
    capabilities: jujuCapabilities,
    testConnection: (ctx) => testJujuConnection(timing, ctx),
    listBackups: (ctx) => listBackups(timing, ctx),
    getBackup: (ctx, backupId) => getBackup(timing, ctx, backupId),
    createBackup: (ctx, op, options, download) => createBackup(timing, ctx, op, options, download),
    backupAsset: () => Promise.reject(new AppError('unsupported', 'Juju backs up the whole controller, not single items.')),
    restoreBackup: (ctx, backupId, op, options) => restoreBackup(timing, ctx, backupId, op, options),
    deleteBackup: (ctx, backupId, op) => deleteBackup(timing, ctx, backupId, op),
    downloadBackup: (ctx, backupId, sink, op) => downloadBackup(timing, ctx, backupId, sink, op),
    resume: (ctx, job, op) => resumeOperation(timing, ctx, job, op),
  };
}

export const jujuProvider: Provider = createJujuProvider();
