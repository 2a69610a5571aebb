import { createRng } from '../../common/rng';
import type { SimBody, SimRequest, SimResponder, SimServiceEnv, SimToken } from '../sim-service';
import { createTroveService, type TroveService } from '.';

/**
 * Drives the Trove service through handle() as the shared server would, without HTTP: a fake clock (so statuses
 * move only when a test advances it), a seeded random, and two Keystone-like tokens.
 */

export const demoProjectId = 'd3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0';
export const adminProjectId = 'adm1adm1adm1adm1adm1adm1adm1adm1';
export const serviceUrl = 'http://127.0.0.1:5000/database';

const token = (projectId: string, projectName: string, roles: string[]): SimToken => ({
  id: `token-${projectName}`,
  userId: `user-${projectName}`,
  userName: projectName,
  projectId,
  projectName,
  roles,
  expiresAt: Date.now() + 3_600_000,
});

export const tokens = {
  demo: token(demoProjectId, 'demo', ['member', 'reader']),
  admin: token(adminProjectId, 'admin', ['admin', 'member', 'reader']),
};

export interface FakeResponse {
  status: number;
  /** Parsed JSON, or undefined for an empty answer. */
  body: unknown;
}

export interface CallOptions {
  /** A JSON value, or `{ raw: string }` for a body that is not JSON. */
  body?: unknown;
  /** 'demo' by default; null = no token. */
  as?: keyof typeof tokens | null;
}

export interface TroveHarness {
  service: TroveService;
  clock: { now: number; advance(ms: number): void };
  /** `path` is below /database and may carry a query; `{p}` stands for the caller's project id. */
  call(method: string, path: string, options?: CallOptions): Promise<FakeResponse>;
  get<T = Record<string, unknown>>(path: string, options?: CallOptions): Promise<FakeResponse & { body: T }>;
}

export function createHarness(options: { timeScale?: number; seed?: number; startAt?: number } = {}): TroveHarness {
  const clock = {
    now: options.startAt ?? Date.parse('2025-05-01T12:00:00Z'),
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const env: SimServiceEnv = { timeScale: () => options.timeScale ?? 1, random: createRng(options.seed ?? 7), now: () => clock.now };
  const service = createTroveService(env);

  const call = async (method: string, path: string, callOptions: CallOptions = {}): Promise<FakeResponse> => {
    const who = callOptions.as === undefined ? 'demo' : callOptions.as;
    const simToken = who === null ? undefined : tokens[who];
    const url = new URL(`http://sim${path.replace('{p}', simToken?.projectId ?? 'none')}`);
    const raw = callOptions.body;
    const body: SimBody =
      raw === undefined
        ? { kind: 'none' }
        : typeof raw === 'object' && raw !== null && 'raw' in raw
          ? { kind: 'invalid' }
          : { kind: 'json', value: JSON.parse(JSON.stringify(raw)) as unknown };
    let answer: FakeResponse | undefined;
    const res: SimResponder = {
      json: (status, value) => (answer = { status, body: JSON.parse(JSON.stringify(value)) as unknown }),
      empty: (status) => (answer = { status, body: undefined }),
      fault: (status, name, message) => (answer = { status, body: { [name]: { code: status, message } } }),
    };
    if (!service.isPublic(method, url.pathname) && !simToken) {
      return { status: 401, body: { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } } };
    }
    const req: SimRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: {},
      token: service.isPublic(method, url.pathname) ? undefined : simToken,
      body: async () => body,
      serviceUrl,
    };
    await service.handle(req, res);
    if (!answer) throw new Error(`${method} ${path} sent no answer`);
    return answer;
  };

  return {
    service,
    clock,
    call,
    get: (path, callOptions) => call('GET', path, callOptions) as never,
  };
}

/** The fault name and body of an error answer, for `expect(...).toEqual(...)`. */
export function faultOf(response: FakeResponse): { name: string; code: number; message: string } {
  const [name, detail] = Object.entries(response.body as Record<string, { code: number; message: string }>)[0];
  return { name, code: detail.code, message: detail.message };
}
