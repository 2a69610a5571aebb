import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenStackSim, type OpenStackSim } from '.';
import { cinderClient, issueToken } from './sim-test-client';

let sim: OpenStackSim;
let admin: ReturnType<typeof cinderClient>;
let member: ReturnType<typeof cinderClient>;
const BULK = 2_500;
beforeAll(async () => {
  sim = await startOpenStackSim({ port: 0, timeScale: 0.05, seed: 4 });
  sim.cinder.seedBackups(BULK, sim.credentials.member.projectId);
  admin = cinderClient(sim, await issueToken(sim, 'admin'), sim.credentials.admin.projectId);
  member = cinderClient(sim, await issueToken(sim, 'member'), sim.credentials.member.projectId);
});
afterAll(() => sim.close());

type Page = { backups: Array<{ id: string; name: string; created_at?: string }>; backups_links?: Array<{ rel: string; href: string }>; count?: number };
const memberTotal = () => sim.cinder.backups(sim.credentials.member.projectId).length;

describe('Cinder backup pagination', () => {
  it('caps pages at 1000 and follows backups_links to the end without duplicates or gaps', async () => {
    const ids: string[] = [];
    let next: string | undefined = '/backups';
    let pages = 0;
    while (next) {
      const res: { status: number; body: Page } = await member<Page>(next);
      expect(res.status).toBe(200);
      expect(res.body.backups.length).toBeLessThanOrEqual(1000);
      ids.push(...res.body.backups.map((b) => b.id));
      next = res.body.backups_links?.find((l) => l.rel === 'next')?.href;
      if (next) expect(next).toMatch(new RegExp(`^${sim.url}/volume/v3/${sim.credentials.member.projectId}/backups\\?marker=`));
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(ids.length).toBe(memberTotal());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps limit in the next link, links only full pages, and orders created_at desc by default', async () => {
    const first = (await member<Page>('/backups/detail?limit=700')).body;
    expect(first.backups).toHaveLength(700);
    const created = first.backups.map((b) => b.created_at!);
    expect(created).toEqual([...created].sort().reverse());
    const href = first.backups_links![0].href;
    // Like real Cinder, the next link of /detail is built from the collection name: it points at /backups.
    expect(new URL(href).pathname).toBe(`/volume/v3/${sim.credentials.member.projectId}/backups`);
    expect(new URL(href).searchParams.get('limit')).toBe('700');
    expect(new URL(href).searchParams.get('marker')).toBe(first.backups[699].id);
    const seen = new Set(first.backups.map((b) => b.id));
    let marker = first.backups[699].id;
    for (;;) {
      const page = (await member<Page>(`/backups/detail?limit=700&marker=${marker}`)).body;
      page.backups.forEach((b) => {
        expect(seen.has(b.id)).toBe(false);
        seen.add(b.id);
      });
      if (!page.backups_links) {
        expect(page.backups.length).toBeLessThan(700);
        break;
      }
      marker = page.backups.at(-1)!.id;
    }
    expect(seen.size).toBe(memberTotal());
  });

  it('counts with with_count (3.45) and then links every non-empty page, as Cinder does', async () => {
    const last = (await member<Page>(`/backups?limit=1000&offset=2000&with_count=true`, { version: '3.45' })).body;
    expect(last.count).toBe(memberTotal());
    expect(last.backups.length).toBe(memberTotal() - 2000);
    expect(last.backups_links).toHaveLength(1);
    const after = (await member<Page>(last.backups_links![0].href, { version: '3.45' })).body;
    expect(after.backups).toEqual([]);
    expect(after).not.toHaveProperty('backups_links');
  });

  it('sorts with sort=key:dir and sort_key/sort_dir, rejects both at once and bad keys; name sorting needs 3.37', async () => {
    const asc = (await member<Page>('/backups?sort=name:asc&limit=3', { version: '3.37' })).body.backups.map((b) => b.name);
    expect(asc).toEqual(['bulk-00001', 'bulk-00002', 'bulk-00003']);
    const old = (await member<Page>('/backups?sort_key=created_at&sort_dir=asc&limit=1')).body.backups[0].name;
    const oldest = sim.cinder.backups(sim.credentials.member.projectId).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))[0];
    expect(old).toBe(oldest.name);
    expect((await member('/backups?sort=name:asc', { version: '3.36' })).status).toBe(400);
    expect((await member('/backups?sort=created_at&sort_key=id')).status).toBe(400);
    expect((await member('/backups?sort=created_at:sideways')).status).toBe(400);
  });

  it('filters by name, status and volume_id; rejects unknown filters for members from 3.31, ignores them below', async () => {
    const byName = (await member<Page>('/backups?name=bulk-00042')).body.backups;
    expect(byName.map((b) => b.name)).toEqual(['bulk-00042']);
    expect((await member<Page>('/backups?status=error')).body.backups).toEqual([]);
    const unknown = await member('/backups?colour=blue', { version: '3.31' });
    expect(unknown.body).toEqual({ badRequest: { code: 400, message: 'Invalid filters colour are found in query options.' } });
    expect((await member('/backups?colour=blue', { version: '3.30' })).status).toBe(200);
    expect((await member('/backups?all_tenants=1', { version: '3.31' })).status).toBe(200);
    expect((await member('/backups?limit=abc')).body).toEqual({ badRequest: { code: 400, message: 'limit param must be an integer' } });
    expect((await member('/backups?marker=0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b')).status).toBe(404);
  });

  it('shows admins every project only with all_tenants', async () => {
    const own = (await admin<Page>('/backups?with_count=true&limit=1', { version: '3.45' })).body.count!;
    expect(own).toBe(sim.cinder.backups(sim.credentials.admin.projectId).length);
    const all = (await admin<Page>('/backups?with_count=true&limit=1&all_tenants=true', { version: '3.45' })).body.count!;
    expect(all).toBe(sim.cinder.backups().length);
    const ignored = (await member<Page>('/backups?with_count=true&limit=1&all_tenants=true', { version: '3.45' })).body.count!;
    expect(ignored).toBe(memberTotal());
  });
});
