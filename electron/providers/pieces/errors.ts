import { AppError } from '../../../shared/errors';
import type { HttpResponse } from '../../core/http/http-client';

export const notSignedInMessage = 'Pieces OS is not signed in to Pieces cloud, so it cannot back up or restore.';
export const notSignedInHint = 'Open Pieces OS (or Pieces Desktop), sign in and connect to your cloud, then try again.';
export const tooOldMessage = 'This version of Pieces OS is too old to back up to Pieces cloud.';
export const tooOldHint = 'Update Pieces OS to the latest version.';

const MAX_BODY_CHARS = 300;

/** The text/plain error body Pieces OS sent, trimmed and short enough to show. */
export async function readErrorText(res: HttpResponse): Promise<string> {
  const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim();
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…` : text;
}

export interface ErrorWording {
  /** Completes "Pieces OS could not …", e.g. "list the backups". */
  action: string;
  /** Message for a 404, when the call names something that may not exist. */
  notFound?: string;
  notFoundHint?: string;
}

/** Maps every status Pieces OS documents for its backup endpoints to an error that says what to do. */
export async function errorForResponse(res: HttpResponse, wording: ErrorWording): Promise<AppError> {
  const body = await readErrorText(res);
  switch (res.status) {
    case 511:
      return new AppError('not-signed-in', notSignedInMessage, notSignedInHint);
    case 505:
      return new AppError('server-too-old', tooOldMessage, tooOldHint);
    case 404:
      return new AppError('not-found', wording.notFound ?? `Pieces OS could not ${wording.action}: not found${body ? ` (${body})` : ''}.`, wording.notFoundHint ?? 'Refresh the list; it may have been deleted.');
    case 500:
      return new AppError('server-error', `Pieces OS could not ${wording.action}: ${body || 'Internal Server Error'}`, 'Pieces OS reported an internal error. Check Pieces OS, then try again.');
    default:
      return new AppError('server-error', `Pieces OS could not ${wording.action}: it answered HTTP ${res.status}${body ? ` (${body})` : ''}.`, 'Check that the URL points at Pieces OS.');
  }
}
