import type { ConnectionTest } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ProviderContext } from '../provider';
import { PiecesApi } from './api';

/** Health, version, then GET /backups: the call that shows a 511 (signed out) or 505 (too old). */
export async function testPiecesConnection(ctx: ProviderContext): Promise<ConnectionTest> {
  const api = new PiecesApi(ctx.http);
  const url = ctx.http.baseUrl.replace(/\/$/, '');
  let serverVersion: string | undefined;
  try {
    if (!(await api.isHealthy())) {
      return { ok: false, url, message: `${url} did not pass the Pieces OS health check.`, hint: 'Check that this URL is Pieces OS (usually http://127.0.0.1:39300).' };
    }
    serverVersion = await api.version();
    const backups = await api.listBackups();
    const count = backups.length === 1 ? '1 backup' : `${backups.length} backups`;
    return { ok: true, url, serverVersion, message: `Connected to Pieces OS ${serverVersion}; ${count} in your Pieces cloud.` };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, url, serverVersion, message: error.message, hint: error.hint, code: error.code };
    throw error;
  }
}
