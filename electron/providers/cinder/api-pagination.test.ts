import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../core/http/http-client';
import type { OpenedService } from '../openstack/open-service';
import type { ServiceRequest } from '../openstack/service';
import { CinderApi, pageQuery } from './api';

const response = (body: unknown): HttpResponse => ({
  status: 200,
  headers: {},
  url: 'https://cloud.example/volume/v3/p/backups/detail',
  text: async () => JSON.stringify(body),
  json: async () => body,
  stream: () => Readable.from([JSON.stringify(body)]),
  discard: async () => undefined,
});

/** A stand-in service that answers list pages from a script and records the requests. */
function scripted(pages: unknown[]): { service: OpenedService; requests: ServiceRequest[] } {
  const requests: ServiceRequest[] = [];
  const service = {
    baseUrl: 'https://cloud.example/volume/v3/p/',
    request: async (req: ServiceRequest) => {
      requests.push(req);
      return response(pages[requests.length - 1]);
    },
  } as unknown as OpenedService;
  return { service, requests };
}

const backup = (id: string) => ({ id, status: 'available', size: 1 });

describe('Cinder pagination', () => {
  it('keeps the /detail path and takes marker from the next link (which Cinder points at the summary list)', async () => {
    const { service, requests } = scripted([
      { backups: [backup('a')], backups_links: [{ rel: 'next', href: 'https://cloud.example/volume/v3/p/backups?marker=a&limit=1&status=available' }] },
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

  it('follows a next link that names another origin (http behind an https proxy, an internal host) on its own catalog URL', async () => {
    const { service, requests } = scripted([
      { backups: [backup('a')], backups_links: [{ rel: 'next', href: 'http://cinder-api.internal:8776/v3/p/backups?marker=a&limit=1' }] },
      { backups: [backup('b')], backups_links: [{ rel: 'next', href: 'http://cinder-api.internal:8776/v3/p/backups' }] },
      { backups: [] },
    ]);
    const all = await new CinderApi(service, { version: '3.71' }).listBackups();
    expect(all.map((b) => b.id)).toEqual(['a', 'b']);
    expect(requests.map((r) => [r.path, r.query?.marker])).toEqual([
      ['backups/detail', undefined],
      ['backups/detail', 'a'],
      // A link without a marker: the last id, as Cinder itself would put it.
      ['backups/detail', 'b'],
    ]);
  });

  it('takes only marker and limit from a link, and survives one that is not a URL at all', () => {
    expect(pageQuery('https://evil.example/x?marker=m&limit=5&all_tenants=1', 'last')).toEqual({ marker: 'm', limit: '5' });
    expect(pageQuery('http://[broken', 'last')).toEqual({ marker: 'last' });
  });
});
