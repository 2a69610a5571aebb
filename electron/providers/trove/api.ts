import type { z } from 'zod';
import { parseWire, type HttpResponse } from '../../core/http/http-client';
import type { OpenStackService } from '../openstack/service';
import { backupNotFound, createRefusal, deleteRefusal, restoreRefusal } from './errors';
import { listAllPages } from './pages';
import type { BackupCreateRequest, InstanceCreateRequest } from './request-schemas';
import {
  backupEnvelopeSchema,
  backupListSchema,
  datastoreListSchema,
  flavorListSchema,
  instanceEnvelopeSchema,
  instanceListSchema,
  type WireBackup,
  type WireDatastore,
  type WireFlavor,
  type WireInstance,
} from './wire-schemas';

export interface BackupFilters {
  instance_id?: string;
  datastore?: string;
}

const backupPath = (id: string) => `backups/${encodeURIComponent(id)}`;
const instancePath = (id: string) => `instances/${encodeURIComponent(id)}`;

/** The Trove v1.0 calls this provider makes, on an OpenStackService opened for 'trove'. */
export class TroveApi {
  constructor(readonly service: OpenStackService) {}

  async listBackups(filters: BackupFilters = {}, signal?: AbortSignal): Promise<WireBackup[]> {
    return (await this.listBackupPages(filters, { signal })).backups;
  }

  /** Every page of the backup list, and how many pages it took (`pageSize` = the `limit` asked for; default the server's). */
  async listBackupPages(filters: BackupFilters, o: { pageSize?: number; signal?: AbortSignal } = {}): Promise<{ backups: WireBackup[]; pages: number }> {
    const query: Record<string, string> = {};
    if (filters.instance_id) query.instance_id = filters.instance_id;
    if (filters.datastore) query.datastore = filters.datastore;
    if (o.pageSize) query.limit = String(o.pageSize);
    let pages = 0;
    const backups = await listAllPages(this.service, { path: 'backups', query, doing: 'listing the backups', signal: o.signal }, backupListSchema, (page) => {
      pages++;
      return page.backups;
    });
    return { backups, pages };
  }

  /** Undefined when Trove no longer knows the backup (deleted). */
  async findBackup(id: string, signal?: AbortSignal): Promise<WireBackup | undefined> {
    const res = await this.service.request({ path: backupPath(id), okStatuses: [200, 404], doing: `reading backup ${id}`, signal });
    if (res.status === 404) {
      await res.discard();
      return undefined;
    }
    return (await this.parse(backupEnvelopeSchema, res)).backup;
  }

  async getBackup(id: string, signal?: AbortSignal): Promise<WireBackup> {
    const found = await this.findBackup(id, signal);
    if (!found) throw backupNotFound(id);
    return found;
  }

  /** POST backups: 202 with the NEW backup. 422 (instance busy) and 501 (no strategy) become sentences. */
  async createBackup(body: BackupCreateRequest): Promise<WireBackup> {
    const res = await this.service.request({ method: 'POST', path: 'backups', json: body, okStatuses: [202, 200, 422, 501], doing: 'starting the backup' });
    if (res.status === 422 || res.status === 501) throw await createRefusal(res, body.backup.instance);
    return (await this.parse(backupEnvelopeSchema, res)).backup;
  }

  /** DELETE backups/{id}: 'accepted' (202), or 'gone' when Trove had already forgotten it. */
  async deleteBackup(id: string): Promise<'accepted' | 'gone'> {
    const res = await this.service.request({ method: 'DELETE', path: backupPath(id), okStatuses: [202, 204, 404, 422], doing: `deleting backup ${id}` });
    if (res.status === 422) throw await deleteRefusal(res, id);
    await res.discard();
    return res.status === 404 ? 'gone' : 'accepted';
  }

  async findInstance(id: string, signal?: AbortSignal): Promise<WireInstance | undefined> {
    const res = await this.service.request({ path: instancePath(id), okStatuses: [200, 404], doing: `reading instance ${id}`, signal });
    if (res.status === 404) {
      await res.discard();
      return undefined;
    }
    return (await this.parse(instanceEnvelopeSchema, res)).instance;
  }

  /** POST instances with a `restorePoint`: 200 with the instance in BUILD. 409 = the backup has not completed. */
  async createInstance(body: InstanceCreateRequest, backupId: string): Promise<WireInstance> {
    const res = await this.service.request({ method: 'POST', path: 'instances', json: body, okStatuses: [200, 202, 403, 409], doing: `creating an instance from backup ${backupId}` });
    if (res.status === 403 || res.status === 409) throw await restoreRefusal(res, backupId);
    return (await this.parse(instanceEnvelopeSchema, res)).instance;
  }

  listInstances(): Promise<WireInstance[]> {
    return listAllPages(this.service, { path: 'instances', doing: 'listing the database instances' }, instanceListSchema, (page) => page.instances);
  }

  async listFlavors(): Promise<WireFlavor[]> {
    return (await this.service.requestJson(flavorListSchema, { path: 'flavors', doing: 'listing the flavors' })).flavors;
  }

  async listDatastores(): Promise<WireDatastore[]> {
    return (await this.service.requestJson(datastoreListSchema, { path: 'datastores', doing: 'listing the datastores' })).datastores;
  }

  private async parse<T extends z.ZodType>(schema: T, res: HttpResponse): Promise<z.output<T>> {
    return parseWire(schema, await res.json(), res.url);
  }
}
