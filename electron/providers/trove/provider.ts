import { AppError } from '../../../shared/errors';
import { openService } from '../openstack/open-service';
import { openStackSettingsSchema } from '../openstack/settings';
import { importCloudsYaml } from '../openstack/import-clouds-yaml';
import { createBackupOptionsSchema, restoreBackupOptionsSchema } from './options';
import type { Provider, ProviderContext } from '../provider';
import { TroveApi, type BackupFilters } from './api';
import { createBackup } from './create-backup';
import { deleteBackup, subtreeOf } from './delete-backup';
import { troveCapabilities, troveKindInfo } from './info';
import { toDomainBackup, toDomainBackups } from './normalise';
import { listResources } from './resources';
import { restoreBackup } from './restore-backup';
import { resumeOperation } from './resume';
import { defaultTroveTimings, type TroveTimings } from './settings';
import { testTroveConnection } from './test-connection';

async function trove(ctx: ProviderContext): Promise<TroveApi> {
  return new TroveApi(await openService(ctx, 'trove'));
}

function backupFilters(filters: Record<string, string> | undefined): BackupFilters {
  const picked: BackupFilters = {};
  if (filters?.instance_id?.trim()) picked.instance_id = filters.instance_id.trim();
  if (filters?.datastore?.trim()) picked.datastore = filters.datastore.trim();
  return picked;
}

/** OpenStack Trove v1.0: database-instance backups; a restore builds a new instance. */
export function createTroveProvider(overrides: Partial<TroveTimings> = {}): Provider {
  const timings: TroveTimings = { ...defaultTroveTimings, ...overrides };
  // A plain object of own functions: callers may spread it to decorate one method.
  return {
    info: troveKindInfo,
    settingsSchema: openStackSettingsSchema,
    createOptionsSchema: createBackupOptionsSchema,
    restoreOptionsSchema: restoreBackupOptionsSchema,
    importConfigFile: importCloudsYaml,
    capabilities: () => troveCapabilities,
    testConnection: (ctx) => testTroveConnection(ctx),
    listBackups: async (ctx, filters) => toDomainBackups(await (await trove(ctx)).listBackups(backupFilters(filters)), ctx.endpoint.id),
    getBackup: async (ctx, backupId) => {
      const api = await trove(ctx);
      const backup = await api.getBackup(backupId);
      return toDomainBackup(backup, ctx.endpoint.id, await subtreeOf(api, backup));
    },
    createBackup: (ctx, op, options) => createBackup(timings, ctx, op, options),
    backupAsset: () => Promise.reject(new AppError('unsupported', 'Trove backs up whole database instances, not single items.')),
    restoreBackup: (ctx, backupId, op, options) => restoreBackup(timings, ctx, backupId, op, options),
    deleteBackup: (ctx, backupId, op) => deleteBackup(timings, ctx, backupId, op),
    resume: (ctx, job, op) => resumeOperation(timings, ctx, job, op),
    listResources: async (ctx, type) => listResources(await trove(ctx), type),
  };
}

export const troveProvider: Provider = createTroveProvider();
