import { randomBytes, randomUUID } from 'node:crypto';

/** Refresh tokens die after 60 minutes unused (Riverbed KB); at most 25 per user, the oldest revoked first. */
export const REFRESH_IDLE_MS = 60 * 60 * 1000;
export const MAX_REFRESH_TOKENS_PER_USER = 25;

export type TokenCheck = { ok: true; user: string } | { ok: false; why: 'unknown' | 'expired' };

interface AccessToken {
  user: string;
  expiresAtMs: number;
  /** Set by expireTokens(): answers 401 expired from now on. */
  forcedExpired: boolean;
}

interface RefreshToken {
  user: string;
  issuedAtMs: number;
  lastUsedMs: number;
  timesRedeemed: number;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/** Looks like the JWT the securityScheme announces (bearerFormat: JWT); the simulator never decodes it. */
function jwtLooking(user: string, nowS: number, expS: number): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ sub: user, iat: nowS, exp: expS, jti: randomUUID() }));
  return `${header}.${payload}.${b64url(randomBytes(32))}`;
}

/** Access and refresh tokens of the mgmt.aaa service. Token lifetimes are real time (never scaled). */
export class TokenStore {
  private access = new Map<string, AccessToken>();
  private refresh = new Map<string, RefreshToken>();

  constructor(private readonly lifetimeSeconds: number) {}

  get lifetime(): number {
    return this.lifetimeSeconds;
  }

  issueAccess(user: string): { token: string; expiresAtS: number } {
    const now = Date.now();
    const expiresAtMs = now + this.lifetimeSeconds * 1000;
    const expiresAtS = Math.floor(expiresAtMs / 1000);
    const token = jwtLooking(user, Math.floor(now / 1000), expiresAtS);
    this.access.set(token, { user, expiresAtMs, forcedExpired: false });
    this.sweep(now);
    return { token, expiresAtS };
  }

  issueRefresh(user: string): string {
    const token = randomBytes(48).toString('base64url');
    const now = Date.now();
    this.refresh.set(token, { user, issuedAtMs: now, lastUsedMs: now, timesRedeemed: 0 });
    const mine = [...this.refresh.entries()].filter(([, r]) => r.user === user).sort((a, b) => a[1].issuedAtMs - b[1].issuedAtMs);
    for (const [old] of mine.slice(0, Math.max(0, mine.length - MAX_REFRESH_TOKENS_PER_USER))) this.refresh.delete(old);
    return token;
  }

  checkAccess(token: string): TokenCheck {
    const found = this.access.get(token);
    if (!found) return { ok: false, why: 'unknown' };
    if (found.forcedExpired || Date.now() >= found.expiresAtMs) return { ok: false, why: 'expired' };
    return { ok: true, user: found.user };
  }

  /** Redeems a refresh token (and counts it as used now). */
  redeemRefresh(token: string): TokenCheck {
    const found = this.refresh.get(token);
    if (!found) return { ok: false, why: 'unknown' };
    const now = Date.now();
    if (now - found.lastUsedMs >= REFRESH_IDLE_MS) {
      this.refresh.delete(token);
      return { ok: false, why: 'expired' };
    }
    found.lastUsedMs = now;
    found.timesRedeemed += 1;
    return { ok: true, user: found.user };
  }

  revokeRefresh(token: string): boolean {
    return this.refresh.delete(token);
  }

  /** expireTokens(): every access token answers 401 expired; refresh tokens stay valid. */
  expireAccess(): void {
    for (const token of this.access.values()) token.forcedExpired = true;
  }

  /** A reboot or reset: nothing issued before is known any more. */
  dropAll(): void {
    this.access.clear();
    this.refresh.clear();
  }

  liveAccessCount(): number {
    const now = Date.now();
    return [...this.access.values()].filter((t) => !t.forcedExpired && now < t.expiresAtMs).length;
  }

  /** Forgets tokens expired for a while, so a long demo does not grow without bound. */
  private sweep(now: number): void {
    if (this.access.size < 1_000) return;
    for (const [token, t] of this.access) if (now - t.expiresAtMs > 3_600_000) this.access.delete(token);
  }
}
