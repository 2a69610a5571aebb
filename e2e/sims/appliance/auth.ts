import type { IncomingMessage } from 'node:http';
import type { ApplianceContext } from './context';
import { ApiError, errorIds } from './errors';

/**
 * Every npm.backup call needs `Authorization: Bearer <access_token>`. The scheme must be spelled
 * `Bearer` (capital B), as the Riverbed KB writes it: `bearer …` (or Basic, or anything else) answers
 * 401 AUTH_REQUIRED, a stricter reading than RFC 7235 that some firmware has.
 */
export function authenticate(ctx: ApplianceContext, req: IncomingMessage): string {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') throw new ApiError(401, errorIds.authRequired, 'Authentication required: send Authorization: Bearer <access_token>');
  const match = /^Bearer +(\S+)\s*$/.exec(header);
  if (!match) throw new ApiError(401, errorIds.authRequired, 'Unsupported Authorization header: the scheme must be "Bearer" followed by an access token');
  const check = ctx.tokens.checkAccess(match[1]);
  if (check.ok) return check.user;
  if (check.why === 'expired') throw new ApiError(401, errorIds.expiredToken, 'The access token has expired: request a new one');
  throw new ApiError(401, errorIds.invalidToken, 'Invalid access token');
}
