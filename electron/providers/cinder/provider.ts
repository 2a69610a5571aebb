import { AppError } from '../../../shared/errors';
import { openStackSettingsSchema } from '../openstack/settings';
import { importCloudsYaml } from '../openstack/import-clouds-yaml';
import { createOptionsSchema, restoreOptionsSchema } from './options';
import type { Provider } from '../provider';
import { backupListFilters, openCinder } from './api';
import { exportRecord, importRecord } from './backup-record';
import { createBackup } from './create-backup';
import { deleteBackup } from './delete-backup';
import { cinderCapabilities, cinderKindInfo } from './info';
import { toDomainBackup, toVolumeResource } from './normalise';
import { restoreBackup } from './restore-backup';
import { resumeOperation } from './resume';
import { testCinderConnection } from './test-connection';
import { defaultCinderTiming, type CinderTiming } from './timing';

/** Only the server-side filters Cinder accepts for every user (unknown ones are a 400 for non-admins from 3.31). */
function knownFilters(filters: Record<string, string> | undefined): Partial<Record<(typeof backupListFilters)[number], string>> {
  const picked: Partial<Record<(typeof backupListFilters)[number], string>> = {};
  for (const name of backupListFilters) {
    const value = filters?.[name]?.trim();
    if (value) picked[name] = value;
  }
  return picked;
}

/** OpenStack Cinder v3 volume backups through a Keystone v3 sign-in. */
export function createCinderProvider(overrides: Partial<CinderTiming> = {}): Provider {
  const timing: CinderTiming = { ...defaultCinderTiming, ...overrides };
  return {
    info: cinderKindInfo,
    settingsSchema: openStackSettingsSchema,
    createOptionsSchema: createOptionsSchema,
    restoreOptionsSchema: restoreOptionsSchema,
    importConfigFile: importCloudsYaml,
    capabilities: cinderCapabilities,
    testConnection: (ctx) => testCinderConnection(ctx),
    listBackups: async (ctx, filters) => (await (await openCinder(ctx)).listBackups(knownFilters(filters))).map((b) => toDomainBackup(b, ctx.endpoint.id)),
    getBackup: async (ctx, backupId) => toDomainBackup(await (await openCinder(ctx)).getBackup(backupId), ctx.endpoint.id),
    createBackup: (ctx, op, options) => createBackup(timing, ctx, op, options),
    backupAsset: () => Promise.reject(new AppError('unsupported', 'Cinder backs up whole volumes, not single items.')),
    restoreBackup: (ctx, backupId, op, options) => restoreBackup(timing, ctx, backupId, op, options),
    deleteBackup: (ctx, backupId, op) => deleteBackup(timing, ctx, backupId, op),
    resume: (ctx, job, op) => resumeOperation(timing, ctx, job, op),
    listResources: async (ctx, type) => {
      if (type !== 'volumes') throw new AppError('unsupported', `Cinder has no ${type} to list.`);
      return (await (await openCinder(ctx)).listVolumes()).map(toVolumeResource);
    },
    exportRecord: (ctx, backupId) => exportRecord(ctx, backupId),
    importRecord: (ctx, text, op) => importRecord(timing, ctx, text, op),
  };
}

export const cinderProvider: Provider = createCinderProvider();
