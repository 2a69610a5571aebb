import type { OpenStackSim } from '.';

/** A tiny OpenStack client for the simulator's own tests: Keystone password auth plus Cinder calls. */

export { until } from '../common/until';

export interface CallResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = Record<string, unknown>>(url: string, init: RequestInit = {}): Promise<CallResult<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

export function passwordAuthBody(username: string, password: string, projectName: string) {
  return {
    auth: {
      identity: { methods: ['password'], password: { user: { name: username, domain: { name: 'Default' }, password } } },
      scope: { project: { name: projectName, domain: { id: 'default' } } },
    },
  };
}

export async function issueToken(sim: OpenStackSim, who: 'admin' | 'member'): Promise<string> {
  const c = sim.credentials[who];
  const res = await fetch(`${sim.authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(passwordAuthBody(c.username, c.password, c.projectName)),
  });
  await res.body?.cancel();
  if (res.status !== 201) throw new Error(`auth failed: ${res.status}`);
  return res.headers.get('x-subject-token')!;
}

export interface CinderCallOptions {
  method?: string;
  body?: unknown;
  /** e.g. '3.45' or 'latest'; omitted = no header (3.0). */
  version?: string;
  /** Overrides the project id in the path (defaults to the token's project). */
  projectId?: string;
}

export function cinderClient(sim: OpenStackSim, token: string, projectId: string) {
  return <T = Record<string, unknown>>(path: string, options: CinderCallOptions = {}) => {
    const headers: Record<string, string> = { 'x-auth-token': token };
    if (options.version) headers['openstack-api-version'] = `volume ${options.version}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const url = path.startsWith('http') ? path : `${sim.url}/volume/v3/${options.projectId ?? projectId}${path}`;
    return call<T>(url, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  };
}

