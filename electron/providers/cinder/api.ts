import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { parseWire, type HttpResponse } from '../../core/http/http-client';
import { silentLogger, type Logger } from '../../core/log/logger';
import { faultToAppError } from '../openstack/faults';
import { openService, type OpenedService } from '../openstack/open-service';
import type { ServiceRequest } from '../openstack/service';
import type { ProviderContext } from '../provider';
import { describeRange, negotiateMicroversion, versionHeader, type Microversion } from './microversion';
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

/** marker and limit of a next link, whatever host it names; the marker defaults to the last id (Cinder's own rule). */
export function pageQuery(href: string, lastId: string): Record<string, string> {
  let params: URLSearchParams;
  try {
    params = new URL(href, 'http://next.invalid/').searchParams;
  } catch {
    params = new URLSearchParams();
  }
  const limit = params.get('limit');
  return { marker: params.get('marker') || lastId, ...(limit ? { limit } : {}) };
}

/** What the API needs from the provider context: a log, a fresh sign-in on demand, and renegotiation after a 406. */
export interface CinderHooks {
  log: Logger;
  /** Signs in now when the token is near its end, so the requests that follow need no sign-in. */
  freshSession(): Promise<void>;
  /** Reads the version document again, ignoring the memoised microversion. */
  renegotiate(): Promise<Microversion>;
}

const SUCCESS = [200, 201, 202, 203, 204];

/** Cinder v3 at the negotiated microversion: every request carries OpenStack-API-Version. */
export class CinderApi {
  private mv: Microversion;

  constructor(
    readonly service: OpenedService,
    microversion: Microversion,
    private readonly hooks: Partial<CinderHooks> = {},
  ) {
    this.mv = microversion;
  }

  get microversion(): Microversion {
    return this.mv;
  }

  get isAdmin(): boolean {
    return this.service.isAdmin;
  }

  get log(): Logger {
    return this.hooks.log ?? silentLogger;
  }

  async freshSession(): Promise<void> {
    await this.hooks.freshSession?.();
  }

  private async call<T extends z.ZodType>(schema: T, req: ServiceRequest): Promise<z.output<T>> {
    const res = await this.send(req);
    return parseWire(schema, await res.json(), res.url);
  }

  /**
   * One request at the current microversion. A 406 means the server no longer takes it (a cloud
   * downgraded, or a proxy in front of older nodes): the version document is read again once.
   */
  private async send(req: ServiceRequest): Promise<HttpResponse> {
    const ok = req.okStatuses ?? SUCCESS;
    const attempt = () => this.service.request({ ...req, okStatuses: [...ok, 406], headers: { ...req.headers, ...versionHeader(this.mv) } });
    const first = await attempt();
    if (first.status !== 406 || ok.includes(406)) return first;
    if (!this.hooks.renegotiate) throw await faultToAppError(first, { service: 'Cinder', doing: req.doing });
    await first.discard();
    const refused = this.mv.version;
    this.mv = await this.hooks.renegotiate();
    this.log.warn('Cinder refused the microversion; renegotiated', { refused, now: this.mv.version });
    const again = await attempt();
    if (again.status !== 406) return again;
    const error = await faultToAppError(again, { service: 'Cinder', doing: req.doing });
    throw new AppError(
      'server-too-old',
      `${error.message} Its version document offers API ${describeRange(this.mv)}, yet it refused ${this.mv.version} (and ${refused} before).`,
      'Its version document and its API disagree (a proxy in front of mixed versions, or an upgrade in progress). Try again later; if it persists, ask the cloud operator.',
    );
  }

  /**
   * Every page of a list. Cinder builds the next link from the collection name (a /detail page
   * links to the summary list) and from its own idea of its host (http behind an https proxy, an
   * internal name): only the link's marker and limit are taken, sent to our own catalog URL.
   */
  private async collect<T extends z.ZodType, Item extends { id: string }>(schema: T, first: ServiceRequest, items: (page: z.output<T>) => Item[], next: (page: z.output<T>) => string | undefined): Promise<Item[]> {
    const all: Item[] = [];
    let page: z.output<T> = await this.call(schema, first);
    for (let n = 1; ; n++) {
      const got = items(page);
      all.push(...got);
      const href = next(page);
      if (!href || got.length === 0) return all;
      if (n >= MAX_PAGES) throw new AppError('bad-response', `Cinder kept sending "next" links after ${MAX_PAGES} pages.`, 'Narrow the list with a filter.');
      page = await this.call(schema, { ...first, query: { ...first.query, ...pageQuery(href, got.at(-1)!.id) } });
    }
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
    const res = await this.send({ path: `backups/${encodeURIComponent(id)}`, signal, okStatuses: [200, 404], doing: `reading backup ${id}` });
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
    const res = await this.send({ method: 'DELETE', path: `backups/${encodeURIComponent(id)}`, okStatuses: [202, 204], doing: `deleting backup ${id}` });
    await res.discard();
  }

  /** POST /backups/{id}/action; never tied to a job's signal (it carries out a cancel). */
  async action(id: string, body: unknown, doing: string, okStatuses = [202, 200]): Promise<number> {
    const res = await this.send({ method: 'POST', path: `backups/${encodeURIComponent(id)}/action`, json: body, okStatuses, doing });
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
    const res = await this.send({ path: `volumes/${encodeURIComponent(id)}`, signal, okStatuses: [200, 404], doing: `reading volume ${id}` });
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
  return new CinderApi(service, await negotiateMicroversion(ctx, service, signal), {
    log: ctx.log,
    freshSession: async () => {
      await openService(ctx, 'cinder');
    },
    renegotiate: () => negotiateMicroversion(ctx, service, undefined, { fresh: true }),
  });
}
