import type { Provider } from '../provider';
import { PiecesApi } from './api';
import { createBackup } from './create-backup';
import { resolvePiecesBaseUrl } from './discovery';
import { piecesCapabilities, piecesKindInfo } from './info';
import { toDomainBackup } from './normalise';
import { restoreBackup } from './restore-backup';
import { resumeOperation } from './resume';
import { defaultPiecesSettings, type PiecesSettings } from './settings';
import { backupAsset, deleteBackup } from './simple-operations';
import { testPiecesConnection } from './test-connection';

/** Pieces OS: its local REST API on 127.0.0.1:39300-39333 backs the local database up to Pieces cloud. */
export function createPiecesProvider(overrides: Partial<PiecesSettings> = {}): Provider {
  const settings: PiecesSettings = { ...defaultPiecesSettings, ...overrides };
  // A plain object of own functions: callers may spread it to decorate one method.
  return {
    info: piecesKindInfo,
    capabilities: () => piecesCapabilities,
    testConnection: (ctx) => testPiecesConnection(ctx),
    listBackups: async (ctx) => (await new PiecesApi(ctx.http).listBackups()).map((b) => toDomainBackup(b, ctx.endpoint.id)),
    getBackup: async (ctx, backupId) => toDomainBackup(await new PiecesApi(ctx.http).getBackup(backupId), ctx.endpoint.id),
    createBackup: (ctx, op) => createBackup(settings, ctx, op),
    backupAsset: (ctx, assetId, op) => backupAsset(ctx, assetId, op),
    restoreBackup: (ctx, backupId, op) => restoreBackup(settings, ctx, backupId, op),
    deleteBackup: (ctx, backupId, op) => deleteBackup(ctx, backupId, op),
    resume: (ctx, job, op) => resumeOperation(settings, ctx, job, op),
    resolveBaseUrl: (endpoint, log) => resolvePiecesBaseUrl(endpoint, log, settings.discovery),
  };
}

export const piecesProvider: Provider = createPiecesProvider();
