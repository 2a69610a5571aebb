import { createHash } from 'node:crypto';
import type { BackupStatus, InstanceStatus, Step } from './types';

/** At timeScale 1: a backup is NEW for 1 s, BUILDING until 3 s, SAVING until 5 s; a restored instance builds for 6 s. */
const backupBuildingAtMs = 1_000;
const backupSavingAtMs = 3_000;
const backupEndAtMs = 5_000;
const instanceBuildMs = 6_000;
const instanceFailAtMs = 4_000;

/** Trove's zone-less UTC timestamps: `2014-10-30T12:30:00`. */
export function troveTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** The last step already reached (the first one if none is, which only a clock set back could cause). */
export function currentStep<S>(steps: Array<Step<S>>, now: number): Step<S> {
  let current = steps[0];
  for (const step of steps) if (step.at <= now) current = step;
  return current;
}

export function backupSteps(start: number, scale: number, fails: boolean): Array<Step<BackupStatus>> {
  const at = (ms: number) => start + Math.round(ms * scale);
  const steps: Array<Step<BackupStatus>> = [
    { at: start, status: 'NEW' },
    { at: at(backupBuildingAtMs), status: 'BUILDING' },
  ];
  if (fails) return [...steps, { at: at(backupSavingAtMs), status: 'FAILED' }];
  return [...steps, { at: at(backupSavingAtMs), status: 'SAVING' }, { at: at(backupEndAtMs), status: 'COMPLETED' }];
}

export function instanceBuildSteps(start: number, scale: number, fails: boolean): Array<Step<InstanceStatus>> {
  const end: Step<InstanceStatus> = fails
    ? { at: start + Math.round(instanceFailAtMs * scale), status: 'ERROR' }
    : { at: start + Math.round(instanceBuildMs * scale), status: 'ACTIVE' };
  return [{ at: start, status: 'BUILD' }, end];
}

const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

/** The same uuid for the same seed text: seeded records keep their ids across resets. */
export function stableUuid(seed: string): string {
  return uuidOf(createHash('sha1').update(seed).digest('hex'));
}

export function randomUuid(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 32; i += 1) hex += Math.floor(random() * 16).toString(16);
  return uuidOf(hex);
}
