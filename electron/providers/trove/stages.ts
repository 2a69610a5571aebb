import type { WireBackup, WireInstance } from './wire-schemas';

/** "45s", "2m 05s", "1h 03m": how long Trove has been at it. */
export function elapsedText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

const backupWords: Record<string, string> = {
  NEW: 'Trove accepted the backup and is handing it to the instance',
  BUILDING: "the instance's guest agent is copying the database",
  SAVING: 'the backup is being stored in object storage',
};

/** Stage text while a backup runs. Trove reports no percentage, so there is no fraction. */
export function backupStage(backup: WireBackup, elapsedMs: number): string {
  const words = backupWords[backup.status] ?? 'Trove is working on the backup';
  return `${backup.status}: ${words} (${elapsedText(elapsedMs)})`;
}

/** Stage text while the restored instance is built. */
export function instanceStage(instance: WireInstance, elapsedMs: number): string {
  const name = instance.name ? `"${instance.name}"` : instance.id;
  const words = instance.status === 'BUILD' ? `Trove is building the new instance ${name} and loading the backup into it` : `the new instance ${name} is not ready yet`;
  return `${instance.status}: ${words} (${elapsedText(elapsedMs)})`;
}

/** `"nightly" (a9832168-…)` or just the id. */
export function named(name: string | null | undefined, id: string): string {
  return name ? `"${name}" (${id})` : id;
}
