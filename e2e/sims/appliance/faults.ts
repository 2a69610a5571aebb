import { z } from 'zod';
import type { ApplianceFaults, DroppedAnswer } from './types';

export function defaultFaults(timeScale: number): ApplianceFaults {
  return {
    serverErrors: 0,
    unavailable: 0,
    restoreOutcome: 'completed',
    rebootRefuseMs: Math.round(20_000 * timeScale),
    rebootHangMs: 0,
    strictContentType: true,
  };
}

/** Puts every switch back to its default, in place (the object is the one exposed as `sim.faults`). */
export function resetFaults(faults: ApplianceFaults, timeScale: number): void {
  for (const key of Object.keys(faults)) delete (faults as unknown as Record<string, unknown>)[key];
  Object.assign(faults, defaultFaults(timeScale));
}

const optionalCount = z.number().int().min(0).nullable();

/** What `POST /__sim/faults` accepts: any subset; `null` switches an optional fault off. Unknown keys get 400. */
export const faultsPatchSchema = z
  .object({
    dropDownloadAfterBytes: optionalCount,
    dropUploadAfterBytes: optionalCount,
    serverErrors: z.number().int().min(0),
    unavailable: z.number().int().min(0),
    slowLinkBytesPerSecond: z.number().int().min(1).nullable(),
    restoreOutcome: z.enum(['completed', 'completed_with_errors', 'failed']),
    rebootRefuseMs: z.number().int().min(0).max(3_600_000),
    rebootHangMs: z.number().int().min(0).max(3_600_000),
    createFails: z.string().max(1_000).nullable(),
    restoreUnderWay: z.boolean().nullable(),
    strictContentType: z.boolean(),
    dropAnswer: z.enum(['create', 'delete', 'restore', 'reset_factory']).nullable(),
    downloadAnswer: z.enum(['html-page', 'json-error', 'unsized', 'unsized-short']).nullable(),
  })
  .partial()
  .strict();

export type FaultsPatch = z.infer<typeof faultsPatchSchema>;

export function applyFaultsPatch(faults: ApplianceFaults, patch: FaultsPatch): void {
  const target = faults as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else target[key] = value;
  }
}

type OneShot = 'dropDownloadAfterBytes' | 'dropUploadAfterBytes' | 'createFails' | 'downloadAnswer';

/** Takes a one-shot fault: returns its value and switches it off. */
export function takeOneShot<K extends OneShot>(faults: ApplianceFaults, kind: K): ApplianceFaults[K] {
  const value = faults[kind];
  if (value !== undefined) delete faults[kind];
  return value;
}

/** Takes the `dropAnswer` fault when it is set for this kind of request. */
export function takeDropAnswer(faults: ApplianceFaults, kind: DroppedAnswer): boolean {
  if (faults.dropAnswer !== kind) return false;
  delete faults.dropAnswer;
  return true;
}

/** Takes one of a counted fault: true (and one fewer left) while the count is positive. */
export function takeCounted(faults: ApplianceFaults, kind: 'serverErrors' | 'unavailable'): boolean {
  if (!(faults[kind] > 0)) return false;
  faults[kind] = Math.floor(faults[kind]) - 1;
  return true;
}
