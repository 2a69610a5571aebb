import type { EndpointKind } from './domain';

/** What the operator must type before a restore starts, and what that text is. */
export interface RestoreConfirmation {
  text: string;
  /** Names the thing being typed, for the label ("the id of the volume that will be overwritten"). */
  what: string;
}

type Rule = (backupId: string, options: Record<string, unknown>) => RestoreConfirmation | null;

/**
 * One rule per kind, used by main (which enforces it) and by the renderer (which asks for it), so
 * the two can never disagree. The text names what gets overwritten: a restore over an existing
 * Cinder volume asks for that volume's id, so a wrong pick in the volume list is caught.
 */
const rules: Record<EndpointKind, Rule> = {
  pieces: (backupId) => ({ text: backupId, what: 'the backup id' }),
  cinder: (_backupId, options) =>
    options.target === 'existing' && typeof options.volume_id === 'string' && options.volume_id
      ? { text: options.volume_id, what: 'the id of the volume that will be overwritten' }
      : null,
  // A Trove restore builds a new instance: nothing is overwritten.
  trove: () => null,
  // A Juju restore replaces the controller's whole state with the backup's.
  juju: (backupId) => ({ text: backupId, what: 'the backup id' }),
  // An appliance restore replaces its whole configuration and reboots it.
  appliance: (backupId) => ({ text: backupId, what: 'the backup id' }),
};

/** null when the restore overwrites nothing and needs no typed confirmation. */
export function restoreConfirmationFor(kind: EndpointKind, backupId: string, options: Record<string, unknown> | undefined): RestoreConfirmation | null {
  return rules[kind](backupId, options ?? {});
}
