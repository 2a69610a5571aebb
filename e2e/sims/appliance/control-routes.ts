import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultsPatchSchema, type FaultsPatch } from './faults';
import { readJsonBody, sendJson } from './http-io';
import type { ApplianceCredentials, ApplianceFaults, ApplianceSimState } from './types';

export interface ControlTarget {
  state(): ApplianceSimState;
  faults(): ApplianceFaults;
  patchFaults(patch: FaultsPatch): void;
  reset(): void;
  expireTokens(): void;
  regenerateCertificate(): void;
  identity(): { url: string; certPem: string; fingerprint256: string; credentials: ApplianceCredentials };
}

const routesHelp = 'GET /__sim/state, GET|POST /__sim/faults, POST /__sim/reset, POST /__sim/expire-tokens, POST /__sim/regenerate-certificate';

/**
 * `/__sim/…`: plain JSON, no auth, never faulted or logged, over the same HTTPS listener (so they are
 * unreachable while the box refuses connections, and they still answer in the hang phase).
 */
export async function handleControl(method: string, path: string, req: IncomingMessage, res: ServerResponse, target: ControlTarget): Promise<void> {
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /__sim/state':
      return sendJson(res, 200, { ...target.state(), ...target.identity(), faults: target.faults() });
    case 'GET /__sim/faults':
      return sendJson(res, 200, target.faults());
    case 'POST /__sim/faults': {
      let parsed: ReturnType<typeof faultsPatchSchema.safeParse>;
      try {
        const body = await readJsonBody(req);
        parsed = faultsPatchSchema.safeParse(body.kind === 'json' ? body.value : {});
      } catch (error) {
        return sendJson(res, 400, { error: (error as Error).message });
      }
      if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
      target.patchFaults(parsed.data);
      return sendJson(res, 200, target.faults());
    }
    case 'POST /__sim/reset':
      req.resume();
      target.reset();
      return sendJson(res, 200, target.state());
    case 'POST /__sim/expire-tokens':
      req.resume();
      target.expireTokens();
      return sendJson(res, 200, target.state());
    case 'POST /__sim/regenerate-certificate':
      req.resume();
      target.regenerateCertificate();
      return sendJson(res, 200, target.identity());
    default:
      return sendJson(res, 404, { error: `No control route ${route}. Try ${routesHelp}.` });
  }
}
