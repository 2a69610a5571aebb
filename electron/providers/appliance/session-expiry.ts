import type { TokenResponse } from './wire-schemas';

/** What the appliance grants when it says nothing usable: access tokens live 15 minutes (Riverbed KB). */
export const DEFAULT_TOKEN_LIFETIME_MS = 900_000;
const MAX_LIFETIME_MS = 24 * 3_600_000;
/** Anything above this is an epoch time in seconds (2001-09-09), anything below a lifetime in seconds. */
const EPOCH_THRESHOLD_S = 1e9;

/**
 * How long a token lives, measured on this computer's clock from when the answer arrived.
 * - `expires_in` (a refresh's answer): seconds.
 * - `expires_at` above 1e9 (documented: epoch seconds): compared with the answer's own `Date` header
 *   when there is one, so a skewed clock on either side does not matter; else with this computer's clock.
 * - `expires_at` as a small number (real firmware answers a bare 900): a lifetime in seconds.
 * - missing, zero, already past, or absurd: 900 s.
 */
export function tokenLifetimeMs(body: Pick<TokenResponse, 'expires_at' | 'expires_in'>, dateHeader: string | undefined, receivedAtMs: number): number {
  const sane = (ms: number) => (Number.isFinite(ms) && ms >= 1_000 ? Math.min(ms, MAX_LIFETIME_MS) : DEFAULT_TOKEN_LIFETIME_MS);
  if (typeof body.expires_in === 'number' && body.expires_in > 0) return sane(body.expires_in * 1000);
  const at = body.expires_at;
  if (typeof at !== 'number' || !(at > 0)) return DEFAULT_TOKEN_LIFETIME_MS;
  if (at <= EPOCH_THRESHOLD_S) return sane(at * 1000);
  const serverNow = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  return sane(at * 1000 - (Number.isNaN(serverNow) ? receivedAtMs : serverNow));
}

/**
 * When to replace the token (sign in again): at 80 % of the lifetime, or 60 s before the end when that comes first, but never
 * before half of it (so a token of a few seconds is not replaced on every call).
 */
export function refreshDueMs(lifetimeMs: number): number {
  return Math.max(lifetimeMs * 0.5, Math.min(lifetimeMs * 0.8, lifetimeMs - 60_000));
}
