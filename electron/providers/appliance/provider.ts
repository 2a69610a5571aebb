import { AppError } from '../../../shared/errors';
import type { Provider } from '../provider';
import { createBackup } from './create-backup';
import { downloadBackup } from './download';
import { factoryReset } from './factory-reset';
import { applianceCapabilities, applianceKindInfo } from './info';
import { createOptionsSchema } from './options';
import { deleteBackup, getBackup, listBackups } from './read-operations';
import { restoreBackup } from './restore-backup';
import { resumeOperation } from './resume';
import { applianceSettingsSchema } from './settings';
import { testApplianceConnection } from './test-connection';
import { defaultApplianceTimings, type ApplianceTimings } from './timing';
import { uploadBackup } from './upload';

export type { ApplianceTimings } from './timing';

/** A Riverbed-style appliance's npm.backup 1.0 API, signed in through mgmt.aaa tokens. `timings` replace the real waits in tests. */
export function createApplianceProvider(overrides: Partial<ApplianceTimings> = {}): Provider {
  const timings: ApplianceTimings = { ...defaultApplianceTimings, ...overrides };
  return {
    info: applianceKindInfo,
    settingsSchema: applianceSettingsSchema,
    createOptionsSchema,
    capabilities: () => applianceCapabilities(),
    testConnection: (ctx) => testApplianceConnection(ctx),
    listBackups: (ctx, filters) => listBackups(ctx, filters),
    getBackup: (ctx, backupId) => getBackup(ctx, backupId),
    createBackup: (ctx, op, options, download) => createBackup(ctx, timings, op, options, download),
    backupAsset: () => Promise.reject(new AppError('unsupported', 'An appliance backs up its whole configuration, not single items.')),
    restoreBackup: (ctx, backupId, op, options) => restoreBackup(ctx, timings, backupId, op, options),
    deleteBackup: (ctx, backupId, op) => deleteBackup(ctx, backupId, op),
    downloadBackup: (ctx, backupId, sink, op) => downloadBackup(ctx, timings, backupId, sink, op),
    uploadBackup: (ctx, source, op) => uploadBackup(ctx, timings, source, op),
    factoryReset: (ctx, op) => factoryReset(ctx, timings, op),
    resume: (ctx, job, op) => resumeOperation(ctx, timings, job, op),
  };
}

export const applianceProvider: Provider = createApplianceProvider();
