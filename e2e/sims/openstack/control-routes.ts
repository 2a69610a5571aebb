import { z } from 'zod';
import { faultsPatchSchema } from './faults';
import type { SimResponder, SimService } from './sim-service';

export interface ControlTarget {
  state(): unknown;
  faults(): unknown;
  patchFaults(patch: z.infer<typeof faultsPatchSchema>): void;
  config(): unknown;
  patchConfig(patch: z.infer<typeof configPatchSchema>): void;
  requests(): unknown;
  reset(): void;
  revokeTokens(): void;
  services: Record<string, SimService>;
}

export const configPatchSchema = z
  .object({
    tokenTtlSeconds: z.number().int().min(1).max(31_536_000),
    cinderMaxMicroversion: z.string().regex(/^3\.\d+$/),
    timeScale: z.number().positive().max(1_000),
  })
  .partial()
  .strict();

type Reply = { status: number; body: unknown };

function parse<T extends z.ZodType>(schema: T, body: unknown): { ok: z.output<T> } | { reply: Reply } {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: result.data };
  return { reply: { status: 400, body: { error: result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') } } };
}

const HELP =
  'Try GET /__sim/state, GET|PATCH /__sim/faults, GET|PATCH /__sim/config, GET /__sim/requests, POST /__sim/reset, POST /__sim/revoke-tokens, POST /__sim/seed-backups, /__sim/cinder/..., /__sim/trove/....';

/** `/__sim/...`: lets tests in another process read state, flip faults and seed data. Never faulted, never logged. */
export function handleControl(method: string, path: string, body: unknown, res: SimResponder, target: ControlTarget): void {
  const reply = route(method, path.replace(/\/+$/, ''), body, target) ?? { status: 404, body: { error: `No control route ${method} ${path}. ${HELP}` } };
  res.json(reply.status, reply.body);
}

function route(method: string, path: string, body: unknown, target: ControlTarget): Reply | undefined {
  const service = /^\/__sim\/([a-z]+)(\/.*)?$/.exec(path);
  if (service && target.services[service[1]]) return target.services[service[1]].control(method, service[2] ?? '/', body);
  const write = method === 'PATCH' || method === 'POST';
  switch (`${write ? 'WRITE' : method} ${path}`) {
    case 'GET /__sim/state':
      return { status: 200, body: target.state() };
    case 'GET /__sim/faults':
      return { status: 200, body: target.faults() };
    case 'WRITE /__sim/faults': {
      const patch = parse(faultsPatchSchema, body);
      if ('reply' in patch) return patch.reply;
      target.patchFaults(patch.ok);
      return { status: 200, body: target.faults() };
    }
    case 'GET /__sim/config':
      return { status: 200, body: target.config() };
    case 'WRITE /__sim/config': {
      const patch = parse(configPatchSchema, body);
      if ('reply' in patch) return patch.reply;
      target.patchConfig(patch.ok);
      return { status: 200, body: target.config() };
    }
    case 'GET /__sim/requests':
      return { status: 200, body: target.requests() };
    case 'WRITE /__sim/reset':
      target.reset();
      return { status: 200, body: target.state() };
    case 'WRITE /__sim/revoke-tokens':
      target.revokeTokens();
      return { status: 200, body: { revoked: true } };
    case 'WRITE /__sim/seed-backups':
      return target.services.cinder.control('POST', '/seed-backups', body);
    default:
      return undefined;
  }
}
