import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { parseWire } from '../../core/http/http-client';
import { openService, type OpenedService } from '../openstack/open-service';
import type { ServiceRequest } from '../openstack/service';
import type { ProviderContext } from '../provider';
import { negotiateMicroversion, versionHeader, type Microversion } from './microversion';
import {
  backupDetailListSchema,
  backupRefSchema,
  backupShowSchema,
  exportRecordSchema,
  restoreResponseSchema,
  volumeDetailListSchema,
  volumeShowSchema,
  type WireBackup,
  type WireVolume,
} from './wire-schemas';

/** A guard against a server whose next links never end. */
const MAX_PAGES = 1_000;
export const backupListFilters = ['status', 'name', 'volume_id'] as const;

/** Cinder v3 at the negotiated microversion: every request carries OpenStack-API-Version. */
export class CinderApi {
  constructor(
    readonly service: OpenedService,
    readonly microversion: Microversion,
  ) {}

  get isAdmin(): boolean {
    return this.service.isAdmin;
  }

  private call<T extends z.ZodType>(schema: T, req: ServiceRequest): Promise<z.output<T>> {
    return this.service.requestJson(schema, this.withVersion(req));
  }

  private withVersion<R extends Omit<ServiceRequest, 'path'>>(req: R): R {
    return { ...req, headers: { ...req.headers, ...versionHeader(this.microversion) } };
  }

  /**
   * Every page of a list. Cinder builds the next link from the collection name, so a /detail page
   * links to the summary list: only the link's query (marker, limit) is taken, on our own path.
   */
  private async collect<T extends z.ZodType, Item>(schema: T, first: ServiceRequest, items: (page: z.output<T>) => Item[], next: (page: z.output<T>) => string | undefined): Promise<Item[]> {
    const all: Item[] = [];
    let page: z.output<T> = await this.call(schema, first);
    for (let n = 1; ; n++) {
      all.push(...items(page));
      const href = next(page);
      if (!href || items(page).length === 0) return all;
      if (n >= MAX_PAGES) throw new AppError('bad-response', `Cinder kept sending "next" links after ${MAX_PAGES} pages.`, 'Narrow the list with a filter.');
      page = await this.call(schema, { ...first, query: { ...first.query, ...this.nextQuery(href) } });
    }
  }

  private nextQuery(href: string): Record<string, string> {
    const url = new URL(href, this.service.baseUrl);
    const base = new URL(this.service.baseUrl);
    if (url.origin !== base.origin) {
      throw new AppError('bad-response', `Cinder's next-page link points at ${url.origin}, not at its catalog host ${base.origin}; Backup Console does not follow it.`, "Check the cloud's public endpoint configuration (a proxy may rewrite links).");
    }
    return Object.fromEntries(url.searchParams);
  }

  listBackups(filters: Partial<Record<(typeof backupListFilters)[number], string>> = {}, signal?: AbortSignal): Promise<WireBackup[]> {
    return this.collect(
      backupDetailListSchema,
      { path: 'backups/detail', query: { ...filters, sort: 'created_at:desc' }, signal, doing: 'listing the backups' },
      (p) => p.backups,
      (p) => p.backups_links?.find((l) => l.rel === 'next')?.href,
    );
  }

  async getBackup(id: string, signal?: AbortSignal): Promise<WireBackup> {
    return (await this.call(backupShowSchema, { path: `backups/${encodeURIComponent(id)}`, signal, doing: `reading backup ${id}` })).backup;
  }

  /** The backup, or null once Cinder answers 404 (deleted). */
  async findBackup(id: string, signal?: AbortSignal): Promise<WireBackup | null> {
    const res = await this.service.request(this.withVersion({ path: `backups/${encodeURIComponent(id)}`, signal, okStatuses: [200, 404], doing: `reading backup ${id}` }));
    if (res.status === 404) {
      await res.discard();
      return null;
    }
    return parseWire(backupShowSchema, await res.json(), res.url).backup;
  }

  async createBackup(body: unknown): Promise<string> {
    return (await this.call(backupRefSchema, { method: 'POST', path: 'backups', json: body, okStatuses: [202, 200], doing: 'starting the backup' })).backup.id;
  }

  async restore(backupId: string, target: { volume_id?: string; name?: string } | null) {
    const restore = await this.call(restoreResponseSchema, {
      method: 'POST',
      path: `backups/${encodeURIComponent(backupId)}/restore`,
      json: { restore: target },
      okStatuses: [202, 200],
      doing: `starting the restore of backup ${backupId}`,
    });
    return restore.restore;
  }

  async deleteBackup(id: string): Promise<void> {
    const res = await this.service.request(this.withVersion({ method: 'DELETE', path: `backups/${encodeURIComponent(id)}`, okStatuses: [202, 204], doing: `deleting backup ${id}` }));
    await res.discard();
  }

  /** POST /backups/{id}/action; never tied to a job's signal (it carries out a cancel). */
  async action(id: string, body: unknown, doing: string, okStatuses = [202, 200]): Promise<number> {
    const res = await this.service.request(this.withVersion({ method: 'POST', path: `backups/${encodeURIComponent(id)}/action`, json: body, okStatuses, doing }));
    await res.discard();
    return res.status;
  }

  async exportRecord(id: string) {
    return (await this.call(exportRecordSchema, { path: `backups/${encodeURIComponent(id)}/export_record`, doing: `exporting the record of backup ${id}` }))['backup-record'];
  }

  async importRecord(record: { backup_service: string; backup_url: string }): Promise<string> {
    const body = { 'backup-record': { backup_service: record.backup_service, backup_url: record.backup_url } };
    return (await this.call(backupRefSchema, { method: 'POST', path: 'backups/import_record', json: body, okStatuses: [201, 200, 202], doing: 'importing the backup record' })).backup.id;
  }

  async getVolume(id: string, signal?: AbortSignal): Promise<WireVolume> {
    return (await this.call(volumeShowSchema, { path: `volumes/${encodeURIComponent(id)}`, signal, doing: `reading volume ${id}` })).volume;
  }

  /** The volume, or null once Cinder answers 404. */
  async findVolume(id: string, signal?: AbortSignal): Promise<WireVolume | null> {
    const res = await this.service.request(this.withVersion({ path: `volumes/${encodeURIComponent(id)}`, signal, okStatuses: [200, 404], doing: `reading volume ${id}` }));
    if (res.status === 404) {
      await res.discard();
      return null;
    }
    return parseWire(volumeShowSchema, await res.json(), res.url).volume;
  }

  listVolumes(signal?: AbortSignal): Promise<WireVolume[]> {
    return this.collect(
      volumeDetailListSchema,
      { path: 'volumes/detail', signal, doing: 'listing the volumes' },
      (p) => p.volumes,
      (p) => p.volumes_links?.find((l) => l.rel === 'next')?.href,
    );
  }
}

/** Signs in (or reuses the token), finds Cinder in the catalog and negotiates the microversion. */
export async function openCinder(ctx: ProviderContext, signal?: AbortSignal): Promise<CinderApi> {
  const service = await openService(ctx, 'cinder', signal);
  return new CinderApi(service, await negotiateMicroversion(ctx, service, signal));
}
