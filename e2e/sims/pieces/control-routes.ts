import { z } from 'zod';
import { faultsPatchSchema } from './faults';
import type { BodyResult, Responder } from './http-io';

export interface ControlTarget {
  state(): unknown;
  faults(): unknown;
  patchFaults(patch: z.infer<typeof faultsPatchSchema>): void;
  configure(config: z.infer<typeof configSchema>): void;
  reset(): void;
}

const configSchema = z
  .object({
    timeScale: z.number().positive().max(1_000),
    endedStatusRetentionMs: z.number().int().min(0).max(3_600_000),
  })
  .partial()
  .strict();

/** `/__sim/...`: lets tests in another process (Playwright) read state and flip fault switches. Never faulted. */
export async function handleControl(method: string, path: string, body: () => Promise<BodyResult>, res: Responder, target: ControlTarget): Promise<void> {
  const parse = async <T extends z.ZodType>(schema: T): Promise<z.output<T> | undefined> => {
    const raw = await body();
    const result = schema.safeParse(raw.kind === 'json' ? raw.value : raw.kind === 'none' ? {} : undefined);
    if (result.success) return result.data;
    res.json(400, { error: result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
    return undefined;
  };
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /__sim/state':
      return res.json(200, target.state());
    case 'GET /__sim/faults':
      return res.json(200, target.faults());
    case 'POST /__sim/faults': {
      const patch = await parse(faultsPatchSchema);
      if (!patch) return;
      target.patchFaults(patch);
      return res.json(200, target.faults());
    }
    case 'POST /__sim/config': {
      const config = await parse(configSchema);
      if (!config) return;
      target.configure(config);
      return res.json(200, target.state());
    }
    case 'POST /__sim/reset':
      await body();
      target.reset();
      return res.json(200, target.state());
    default:
      return res.json(404, { error: `No control route ${route}. Try GET /__sim/state, GET|POST /__sim/faults, POST /__sim/config, POST /__sim/reset.` });
  }
}
