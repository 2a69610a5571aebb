import { AppError } from '../../../shared/errors';
import type { ProviderContext } from '../provider';
import { authenticate } from './keystone-auth';
import { sessionMemoKey, type KeystoneSession } from './session';
import type { OpenStackSettings } from './settings';

/** Renew this long before expires_at, or a quarter of the token's lifetime when tokens live shorter. */
const RENEW_BEFORE_MS = 60_000;
const inFlightKey = 'openstack.session.signing-in';

/** `expiresAtMs` is on the local clock (receipt time + the server's lifetime), so the local clock is the right one to compare with. */
function stillFresh(session: KeystoneSession, now = Date.now()): boolean {
  const margin = Math.min(RENEW_BEFORE_MS, session.lifetimeMs / 4);
  return session.expiresAtMs - now > margin;
}

async function signIn(ctx: ProviderContext, settings: OpenStackSettings, signal?: AbortSignal): Promise<KeystoneSession> {
  const secrets =
    settings.auth_type === 'password'
      ? { password: await ctx.secret('password') }
      : { application_credential_secret: await ctx.secret('application_credential_secret') };
  const session = await authenticate(ctx.http, settings, secrets, signal);
  ctx.log.info('Signed in to Keystone', { user: session.userName ?? session.userId, project: session.projectName ?? session.projectId, roles: session.roles });
  return session;
}

/**
 * The endpoint's Keystone session: the memo's while it is fresh, otherwise a new sign-in shared by
 * every caller that asks meanwhile. `staleToken` forces a new sign-in when that is still the
 * memo's token (a service answered 401 to it).
 */
export async function currentSession(ctx: ProviderContext, settings: OpenStackSettings, options: { signal?: AbortSignal; staleToken?: string } = {}): Promise<KeystoneSession> {
  const known = ctx.memo.get<KeystoneSession>(sessionMemoKey);
  if (known && stillFresh(known) && known.token !== options.staleToken) return known;
  let pending = ctx.memo.get<Promise<KeystoneSession>>(inFlightKey);
  if (!pending) {
    // Not tied to one caller's signal: a cancelled job must not fail the others waiting on the same sign-in.
    pending = signIn(ctx, settings).finally(() => ctx.memo.delete(inFlightKey));
    ctx.memo.set(inFlightKey, pending);
    pending.then(
      (session) => ctx.memo.set(sessionMemoKey, session),
      (error: unknown) => {
        // Keystone refused the credentials: the roles of the last sign-in no longer hold.
        if (error instanceof AppError && error.code === 'unauthorized') forgetSession(ctx);
      },
    );
  }
  if (!options.signal) return pending;
  const signal = options.signal;
  return new Promise<KeystoneSession>((resolve, reject) => {
    const onAbort = () => reject(new AppError('cancelled', 'The request was cancelled.'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Forgets the session (after a refused sign-in, the old roles must not keep offering admin actions). */
export function forgetSession(ctx: ProviderContext): void {
  ctx.memo.delete(sessionMemoKey);
}
