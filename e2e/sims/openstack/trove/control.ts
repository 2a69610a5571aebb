import { z } from 'zod';
import { troveFaultsPatchSchema } from './faults';
import type { TroveWorld } from './world';

const seedSchema = z
  .object({
    count: z.number().int().min(0).max(10_000),
    projectId: z.string().min(1),
    instanceId: z.string().min(1).optional(),
    replace: z.boolean().optional(),
  })
  .strict();

const instanceStatusSchema = z.object({ status: z.enum(['BUILD', 'ACTIVE', 'HEALTHY', 'ERROR', 'SHUTDOWN', 'REBOOT', 'RESIZE', 'FAILED']) }).strict();

type ControlAnswer = { status: number; body: unknown } | undefined;

const invalid = (error: z.ZodError): ControlAnswer => ({
  status: 400,
  body: { error: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') },
});

/**
 * `/__sim/<name>/...` for tests and demos in another process: GET /state, GET|PATCH /faults, POST /reset,
 * POST /seed {count, projectId, instanceId?, replace?}, POST /instances/{id}/status {status}. Undefined = no such route.
 */
export function handleTroveControl(world: TroveWorld, method: string, path: string, body: unknown): ControlAnswer {
  const route = `${method} ${path.replace(/\/+$/, '') || '/'}`;
  if (route === 'GET /state') return { status: 200, body: world.state() };
  if (route === 'GET /faults') return { status: 200, body: { ...world.faults } };
  if (route === 'PATCH /faults' || route === 'POST /faults') {
    const patch = troveFaultsPatchSchema.safeParse(body ?? {});
    if (!patch.success) return invalid(patch.error);
    Object.assign(world.faults, patch.data);
    return { status: 200, body: { ...world.faults } };
  }
  if (route === 'POST /reset') {
    world.reset();
    return { status: 200, body: world.state() };
  }
  if (route === 'POST /seed') {
    const seed = seedSchema.safeParse(body);
    if (!seed.success) return invalid(seed.error);
    const { count, projectId, instanceId, replace } = seed.data;
    try {
      return { status: 200, body: { backups: world.seedBackups(count, projectId, { instanceId, replace }) } };
    } catch (error) {
      return { status: 404, body: { error: String(error instanceof Error ? error.message : error) } };
    }
  }
  const statusRoute = /^POST \/instances\/([^/]+)\/status$/.exec(route);
  if (statusRoute) {
    const parsed = instanceStatusSchema.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const id = decodeURIComponent(statusRoute[1]);
    if (!world.setInstanceStatus(id, parsed.data.status)) return { status: 404, body: { error: `No instance ${id}` } };
    return { status: 200, body: { instance: world.instances().find((i) => i.id === id) } };
  }
  return undefined;
}
