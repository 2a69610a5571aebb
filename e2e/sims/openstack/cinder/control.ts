import { z } from 'zod';
import { backupStatuses } from './model';
import type { CinderWorld } from './world';

const seedSchema = z.object({ count: z.number().int().min(1).max(100_000), projectId: z.string().min(1).optional() }).strict();
const statusSchema = z.object({ status: z.enum(backupStatuses), failReason: z.string().optional() }).strict();
const volumeSchema = z
  .object({
    size: z.number().int().min(1),
    name: z.string().nullable().optional(),
    projectId: z.string().optional(),
    status: z.enum(['available', 'in-use', 'error']).optional(),
    encrypted: z.boolean().optional(),
    bootable: z.boolean().optional(),
  })
  .strict();
const timingsSchema = z
  .object({ createMs: z.number().min(0), restoreMs: z.number().min(0), deleteMs: z.number().min(0), importMs: z.number().min(0), releaseAfterCancelMs: z.number().min(0), cancelNoticeMs: z.number().min(0) })
  .partial()
  .strict();

type Reply = { status: number; body: unknown };
const invalid = (error: z.ZodError): Reply => ({ status: 400, body: { error: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') } });

/** `/__sim/cinder/...`: state, bulk seeding, status overrides, extra volumes, timings. */
export function cinderControl(world: CinderWorld, method: string, path: string, body: unknown): Reply | undefined {
  const route = `${method} ${path}`;
  if (route === 'GET /state') return { status: 200, body: { backups: world.backups(), volumes: world.volumes(), snapshots: world.snapshots(), timings: world.timings } };
  if (route === 'POST /reset') {
    world.reset();
    return { status: 200, body: { backups: world.backups().length, volumes: world.volumes().length } };
  }
  if (route === 'POST /seed-backups') {
    const parsed = seedSchema.safeParse(body ?? {});
    if (!parsed.success) return invalid(parsed.error);
    return { status: 200, body: { added: world.seedBackups(parsed.data.count, parsed.data.projectId).length } };
  }
  if (route === 'POST /volumes') {
    const parsed = volumeSchema.safeParse(body ?? {});
    if (!parsed.success) return invalid(parsed.error);
    return { status: 200, body: world.addVolume(parsed.data) };
  }
  if (route === 'POST /timings') {
    const parsed = timingsSchema.safeParse(body ?? {});
    if (!parsed.success) return invalid(parsed.error);
    Object.assign(world.timings, parsed.data);
    return { status: 200, body: world.timings };
  }
  const statusRoute = /^POST \/backups\/([^/]+)\/status$/.exec(route);
  if (statusRoute) {
    const parsed = statusSchema.safeParse(body ?? {});
    if (!parsed.success) return invalid(parsed.error);
    const ok = world.setBackupStatus(statusRoute[1], parsed.data.status, parsed.data.failReason);
    return ok ? { status: 200, body: world.backups().find((b) => b.id === statusRoute[1]) } : { status: 404, body: { error: `No backup ${statusRoute[1]}` } };
  }
  return undefined;
}
