import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { parseWire, type HttpClient, type HttpRequest, type HttpResponse } from '../../core/http/http-client';
import { errorForResponse, readErrorText, type ErrorWording } from './errors';
import {
  assetSchema,
  backupSchema,
  backupsSchema,
  backupStatusSchema,
  type WireAsset,
  type WireBackup,
  type WireBackupStatus,
} from './wire-schemas';

export type Phase = 'creation' | 'restoration';

/** A blocking create/restore may only answer when the work ends: allow it hours, not the endpoint's usual timeout. */
export const LONG_OPERATION_TIMEOUT_MS = 12 * 60 * 60 * 1000;

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export type CancelAnswer = { cancelled: true } | { cancelled: false; serverText: string };

const backupPath = (id: string) => `backup/${encodeURIComponent(id)}`;

/** Typed calls to the Pieces OS backup API. Every call either returns parsed data or throws an AppError. */
export class PiecesApi {
  constructor(private readonly http: HttpClient) {}

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  async isHealthy(options: CallOptions = {}): Promise<boolean> {
    const res = await this.http.request({ method: 'HEAD', path: '.well-known/health', ...options });
    await res.discard();
    return res.status === 200;
  }

  async version(options: CallOptions = {}): Promise<string> {
    const res = await this.send({ path: '.well-known/version', ...options }, [200], { action: 'report its version' });
    return (await res.text()).trim();
  }

  async listBackups(options: CallOptions = {}): Promise<WireBackup[]> {
    const res = await this.send({ path: 'backups', ...options }, [200], { action: 'list the backups in Pieces cloud' });
    return (await this.parse(res, backupsSchema)).iterable;
  }

  async getBackup(id: string, options: CallOptions = {}): Promise<WireBackup> {
    const res = await this.send({ path: backupPath(id), ...options }, [200], {
      action: `read backup ${id}`,
      notFound: `Pieces cloud has no backup ${id}.`,
      notFoundHint: 'It may have been deleted. Refresh the list.',
    });
    return this.parse(res, backupSchema);
  }

  /** Like getBackup, but "no such backup" is an answer, not an error. */
  async findBackup(id: string, options: CallOptions = {}): Promise<WireBackup | null> {
    return this.getBackup(id, options).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not-found') return null;
      throw error;
    });
  }

  /** POST /backups/create with an empty SeededBackup. Blocks until the end on servers that work that way. */
  async createBackup(options: CallOptions): Promise<WireBackup> {
    const res = await this.send({ method: 'POST', path: 'backups/create', json: {}, ...options }, [200], { action: 'start a backup' });
    return this.parse(res, backupSchema);
  }

  /** POST /backup/{id}/restore with the Backup itself as the body. */
  async restore(backup: WireBackup, options: CallOptions): Promise<WireBackup> {
    const res = await this.send({ method: 'POST', path: `${backupPath(backup.id)}/restore`, json: backup, ...options }, [200], {
      action: `restore backup ${backup.id}`,
      notFound: `Pieces cloud has no backup ${backup.id} to restore.`,
    });
    return this.parse(res, backupSchema);
  }

  /** GET /backup/{id}/{creation|restoration}/status; null when Pieces OS has none (404). */
  async status(phase: Phase, id: string, options: CallOptions = {}): Promise<WireBackupStatus | null> {
    const res = await this.send({ path: `${backupPath(id)}/${phase}/status`, ...options }, [200, 404], { action: `report the ${phase} status of ${id}` });
    if (res.status === 404) {
      await res.discard();
      return null;
    }
    return this.parse(res, backupStatusSchema);
  }

  /** 204 = cancelled. A 500 is what Pieces OS answers when nothing is running, so it is returned, not thrown. */
  async cancel(phase: Phase, id: string, body?: WireBackup): Promise<CancelAnswer> {
    const res = await this.send({ method: 'POST', path: `${backupPath(id)}/${phase}/cancel`, json: body }, [204, 500], { action: `cancel the ${phase} of ${id}` });
    if (res.status === 204) {
      await res.discard();
      return { cancelled: true };
    }
    return { cancelled: false, serverText: await readErrorText(res) };
  }

  async deleteBackup(id: string, options: CallOptions = {}): Promise<void> {
    const res = await this.send({ method: 'POST', path: `backups/${encodeURIComponent(id)}/delete`, ...options }, [204, 200], {
      action: `delete backup ${id}`,
      notFound: `Pieces cloud has no backup ${id}; it may already be deleted.`,
    });
    await res.discard();
  }

  async getAsset(id: string, options: CallOptions = {}): Promise<WireAsset> {
    const res = await this.send({ path: `asset/${encodeURIComponent(id)}`, ...options }, [200], {
      action: `read asset ${id}`,
      notFound: `Pieces OS has no asset ${id} in its local database.`,
      notFoundHint: 'Check the asset id; it may have been deleted in Pieces.',
    });
    return this.parse(res, assetSchema);
  }

  async backupAsset(asset: WireAsset, options: CallOptions = {}): Promise<void> {
    const res = await this.send({ method: 'POST', path: 'backup/asset', json: asset, ...options }, [204, 200], { action: `back up asset ${asset.id}` });
    await res.discard();
  }

  private async send(req: HttpRequest, accepted: number[], wording: ErrorWording): Promise<HttpResponse> {
    const res = await this.http.request(req);
    if (accepted.includes(res.status)) return res;
    throw await errorForResponse(res, wording);
  }

  private async parse<T extends z.ZodType>(res: HttpResponse, schema: T): Promise<z.output<T>> {
    return parseWire(schema, await res.json(), res.url);
  }
}
