import { AppError } from '../../../shared/errors';
import type { HttpResponse } from '../../core/http/http-client';
import { parseJsonAs } from '../parse-json';
import { wireErrorSchema } from './wire-schemas';

/** What the appliance said, from a Riverbed error body or, failing that, the first words of whatever it sent. */
export interface ApplianceSaid {
  errorId?: string;
  text?: string;
}

export function readErrorBody(body: string): ApplianceSaid {
  const wire = parseJsonAs(wireErrorSchema, body);
  if (wire && (wire.error_id || wire.error_text)) return { errorId: wire.error_id ?? undefined, text: wire.error_text?.trim() || undefined };
  // A proxy's or web server's HTML page: its text only, briefly.
  const plain = body.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return { text: plain ? plain.slice(0, 200) : undefined };
}

/**
 * The two-backup rule of AppResponse and Portal appliances. Error ids are not published, so the id
 * (anything with LIMIT) and the wording (a maximum, "two backups", "at a time") are both hints.
 */
export function isBackupLimit(said: ApplianceSaid): boolean {
  if (said.errorId && /LIMIT/i.test(said.errorId)) return true;
  return !!said.text && /backup/i.test(said.text) && /(maximum|max\b|limit|at a time|only (one|two|three|\d+)\b)/i.test(said.text);
}

const busyWords = /already|in progress|busy|not ready|exists|pending/i;

function quoted(said: ApplianceSaid): string {
  if (!said.text && !said.errorId) return '';
  const id = said.errorId ? ` [${said.errorId}]` : '';
  return said.text ? `: "${said.text.replace(/[.\s]+$/, '')}"${id}` : id;
}

export const limitHint = 'Appliances keep at most two backups. Delete one (download it first if you need it), then try again.';

/**
 * An HTTP answer that is not success, in the operator's words. `doing` completes "could not …":
 * "create a backup", "list the backups".
 */
export function explainRefusal(status: number, said: ApplianceSaid, doing: string): AppError {
  const words = quoted(said);
  if (status === 400) {
    if (isBackupLimit(said)) return new AppError('conflict', `The appliance could not ${doing}: appliances keep two backups at most, and it already holds its limit${words}.`, limitHint);
    if (said.text && busyWords.test(said.text)) return new AppError('conflict', `The appliance could not ${doing}${words}.`, 'Wait for what the appliance is doing to finish, refresh, and try again.');
    return new AppError('validation', `The appliance refused to ${doing}${words}.`, 'Check the request and the appliance state; the appliance said why above.');
  }
  if (status === 401) return new AppError('unauthorized', `The appliance refused the session while trying to ${doing}${words}.`, 'Check the user name and password in the endpoint settings.');
  if (status === 403) return new AppError('forbidden', `The appliance user may not ${doing}${words}.`, 'Sign in with an account whose role may manage backups (admin on most boxes).');
  if (status === 404) return new AppError('not-found', `The appliance could not ${doing}: not found${words}.`, 'Refresh the list: the backup may have been deleted, or the URL may not point at an appliance with npm.backup 1.0.');
  if (status === 415) {
    return new AppError('bad-response', `The appliance refused the content type Backup Console sent to ${doing} (HTTP 415${words}).`, 'Some firmware accepts only exactly "application/json" (no charset) and, for uploads, "application/octet-stream". Report this with the appliance software version.');
  }
  if (status === 503) return new AppError('server-error', `The appliance is busy or unavailable and could not ${doing} (HTTP 503${words}).`, 'It may be starting up or running another task. Try again in a few minutes.');
  if (status >= 500) return new AppError('server-error', `The appliance failed to ${doing} (HTTP ${status}${words}).`, 'Try again; if it keeps failing, check the appliance console and logs.');
  return new AppError('bad-response', `The appliance answered HTTP ${status} when asked to ${doing}${words}.`, 'Check that the URL points at the appliance itself, not a proxy or another device.');
}

/** Reads the body of a refusal (never a secret: the appliance's own words) and explains it. */
export async function refusal(res: HttpResponse, doing: string): Promise<AppError> {
  const body = await res.text().catch(() => '');
  return explainRefusal(res.status, readErrorBody(body), doing);
}

/** A network failure or 5xx worth riding out while the appliance is busy or rebooting. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  return error.code === 'unreachable' || error.code === 'timeout' || error.code === 'server-error';
}
