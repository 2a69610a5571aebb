import type { SimRequest, SimResponder } from '../sim-service';
import type { Caller } from './backup-ops';
import { troveErrors } from './errors';
import type { Outcome, TroveFault } from './types';
import type { ViewContext } from './views';
import type { TroveWorld } from './world';

/** What a route handler gets: the request, the caller, and ways to answer. */
export interface RouteContext {
  world: TroveWorld;
  req: SimRequest;
  res: SimResponder;
  caller: Caller;
  view: ViewContext;
  /** Named path segments, e.g. { id } for 'backups/:id'. */
  params: Record<string, string>;
  /** This request's absolute URL (service URL + path + query): the base of "next" links. */
  pageUrl: string;
  /** The uuid a 500 instanceFault asks the user to keep. */
  errorId(): string;
  refuse(fault: TroveFault): void;
  /**
   * The JSON body; an absent body reads as {} (as Trove's deserializer leaves it). Undefined when the body was not
   * JSON: the 400 "Malformed request body" is already sent.
   */
  jsonBody(): Promise<{ value: unknown } | undefined>;
}

export type RouteHandler = (ctx: RouteContext) => Promise<void> | void;

export interface Route {
  method: string;
  /** Below /v1.0/{project_id}/, with :name segments, e.g. 'backups/:id'. */
  path: string;
  handle: RouteHandler;
}

/** The shared server may hand over an already decoded path: a lone '%' must not throw. */
export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function matchRoute(routes: Route[], method: string, rest: string[]): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path === '' ? [] : route.path.split('/');
    if (pattern.length !== rest.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = safeDecode(rest[i]);
        return true;
      }
      return part === rest[i];
    });
    if (matches) return { route, params };
  }
  return undefined;
}

/** Sends the fault of a refused outcome; true when it did. */
export function refused<T>(ctx: RouteContext, outcome: Outcome<T>): outcome is { ok: false; fault: TroveFault } {
  if (outcome.ok) return false;
  ctx.refuse(outcome.fault);
  return true;
}

export function makeJsonBody(req: SimRequest, res: SimResponder): () => Promise<{ value: unknown } | undefined> {
  return async () => {
    const body = await req.body();
    if (body.kind === 'json') return { value: body.value };
    if (body.kind === 'none') return { value: {} };
    const malformed = troveErrors.malformedBody();
    res.fault(malformed.status, malformed.name, malformed.message);
    return undefined;
  };
}
