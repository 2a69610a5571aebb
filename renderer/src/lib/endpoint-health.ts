import type { ConnectionTest } from '../../../shared/domain';

export interface HealthEvidence {
  test?: { result: ConnectionTest; at: number };
  list?: { ok: true; count: number; at: number } | { ok: false; message: string; at: number };
}

/** The newest thing we know about an endpoint: an explicit connection test or its last backup-list answer. */
export function latestHealth({ test, list }: HealthEvidence): ConnectionTest | undefined {
  if (test && (!list || test.at >= list.at)) return test.result;
  if (!list) return undefined;
  return list.ok
    ? { ok: true, message: `answered with ${list.count.toLocaleString()} backup${list.count === 1 ? '' : 's'}` }
    : { ok: false, message: list.message };
}
