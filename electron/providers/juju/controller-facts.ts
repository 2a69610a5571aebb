import type { EndpointMemo } from '../../core/endpoint-memo';
import type { BackupMetadata } from './wire-schemas';

/** What the last login revealed; capabilities are computed from it. */
export interface ControllerFacts {
  serverVersion: string;
  /** The newest Backups facade version the login listed that this app speaks (1–3); 0 when none. */
  backupsVersion: number;
  modelUuid: string;
  controllerAccess?: string;
}

const FACTS = 'juju.facts';
const MODEL_UUID = 'juju.controllerModelUuid';
const CREATED = 'juju.createdThisSession';

export const supportedBackupsVersions = [1, 2, 3] as const;

export function knownFacts(memo: EndpointMemo): ControllerFacts | undefined {
  return memo.get<ControllerFacts>(FACTS);
}

export function rememberFacts(memo: EndpointMemo, facts: ControllerFacts): void {
  memo.set(FACTS, facts);
}

export function discoveredModelUuid(memo: EndpointMemo): string | undefined {
  return memo.get<string>(MODEL_UUID);
}

export function rememberModelUuid(memo: EndpointMemo, uuid: string): void {
  memo.set(MODEL_UUID, uuid);
}

/** Backups created from this app since it started (Juju 3.x cannot list them); kept without any key material. */
export function createdThisSession(memo: EndpointMemo): Map<string, BackupMetadata> {
  let created = memo.get<Map<string, BackupMetadata>>(CREATED);
  if (!created) memo.set(CREATED, (created = new Map()));
  return created;
}

export interface Version {
  major: number;
  minor: number;
  patch: number;
}

/** "2.9.19" → 2/9/19; "2.9-rc3" → 2/9/0; anything unreadable → 0.0.0. */
export function parseVersion(text: string | undefined): Version {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text ?? '');
  return match ? { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0) } : { major: 0, minor: 0, patch: 0 };
}

export function versionAtLeast(v: Version, major: number, minor: number, patch = 0): boolean {
  if (v.major !== major) return v.major > major;
  if (v.minor !== minor) return v.minor > minor;
  return v.patch >= patch;
}
