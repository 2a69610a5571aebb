import { describe, expect, it } from 'vitest';
import type { OpenedService } from '../openstack/open-service';
import type { ServiceRequest } from '../openstack/service';
import { CinderApi } from './api';

/** A stand-in service that answers list pages from a script and records the requests. */
function scripted(pages: unknown[]): { service: OpenedService; requests: ServiceRequest[] } {
  const requests: ServiceRequest[] = [];
  const service = {
    baseUrl: 'http://cinder.example/volume/v3/p/',
    requestJson: async (schema: { parse(v: unknown): unknown }, req: ServiceRequest) => {
      requests.push(req);
      return schema.parse(pages[requests.length - 1]);
    },
  } as unknown as OpenedService;
  return { service, requests };
}

const backup = (id: string) => ({ id, status: 'available', size: 1 });

describe('Cinder pagination', () => {
  it('keeps the /detail path and takes marker from the next link (which Cinder points at the summary list)', async () => {
    const { service, requests } = scripted([
      { backups: [backup('a')], backups_links: [{ rel: 'next', href: 'http://cinder.example/volume/v3/p/backups?marker=a&limit=1' }] },
      { backups: [backup('b')] },
    ]);
    const all = await new CinderApi(service, { version: '3.71' }).listBackups({ status: 'available' });
    expect(all.map((b) => b.id)).toEqual(['a', 'b']);
    expect(requests.map((r) => [r.path, r.query])).toEqual([
      ['backups/detail', { status: 'available', sort: 'created_at:desc' }],
      ['backups/detail', { status: 'available', sort: 'created_at:desc', marker: 'a', limit: '1' }],
    ]);
    expect(requests.every((r) => r.headers?.['OpenStack-API-Version'] === 'volume 3.71')).toBe(true);
  });

  it('refuses a next link to another host', async () => {
    const { service } = scripted([{ backups: [backup('a')], backups_links: [{ rel: 'next', href: 'http://evil.example/volume/v3/p/backups?marker=a' }] }]);
    await expect(new CinderApi(service, { version: '3.71' }).listBackups()).rejects.toThrow(/points at http:\/\/evil\.example, not at its catalog host/);
  });
});
