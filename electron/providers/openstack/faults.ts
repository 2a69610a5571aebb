import { AppError, type ErrorCode } from '../../../shared/errors';
import type { HttpResponse } from '../../core/http/http-client';

const MAX_MESSAGE_CHARS = 400;

/**
 * The message of an OpenStack error body: the fault shape `{"badRequest":{"code":400,"message":"…"}}`
 * (Cinder, Trove, keystonemiddleware) or Keystone's `{"error":{"code","title","message"}}`.
 */
export function faultMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  for (const value of Object.values(body as Record<string, unknown>)) {
    if (value && typeof value === 'object') {
      const { message, title } = value as { message?: unknown; title?: unknown };
      if (typeof message === 'string' && message.trim()) return clip(message);
      if (typeof title === 'string' && title.trim()) return clip(title);
    }
  }
  const { message } = body as { message?: unknown };
  return typeof message === 'string' && message.trim() ? clip(message) : undefined;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/[.\s]+$/, '');
  return flat.length > MAX_MESSAGE_CHARS ? `${flat.slice(0, MAX_MESSAGE_CHARS)}…` : flat;
}

/** The server's error message from a non-OK answer (consumes the body). */
export async function readFault(res: HttpResponse): Promise<string | undefined> {
  const text = await res.text().catch(() => '');
  try {
    return faultMessage(JSON.parse(text));
  } catch {
    // An HTML error page from a proxy, say: show its first words only if short.
    const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    return plain && plain.length <= 200 ? plain : undefined;
  }
}

function codeAndHint(status: number, service: string): { code: ErrorCode; hint: string } {
  if (status === 400) return { code: 'conflict', hint: `${service} refused the request as it stands; the message says why. Refresh and check the status of what you acted on.` };
  if (status === 401) return { code: 'unauthorized', hint: 'Check the user, domain, project and password (or application credential) in the endpoint settings.' };
  if (status === 403) return { code: 'forbidden', hint: 'Your role in this project does not allow it. Ask a cloud admin, or sign in as one.' };
  if (status === 404) return { code: 'not-found', hint: 'Refresh the list: it may have been deleted, or it belongs to another project.' };
  if (status === 405 || status === 501) return { code: 'unsupported', hint: `This ${service} deployment does not support that operation.` };
  if (status === 406) return { code: 'server-too-old', hint: `This ${service} does not accept the API version Backup Console asked for. Test the connection again to renegotiate.` };
  if (status === 409 || status === 422) return { code: 'conflict', hint: 'Something else is changing it right now. Refresh and try again.' };
  if (status === 413) return { code: 'conflict', hint: 'A quota is exhausted: delete old backups or volumes, or ask an admin to raise the project quota.' };
  if (status === 429) return { code: 'server-error', hint: 'The cloud is rate-limiting requests. Wait a minute and try again.' };
  if (status >= 500) return { code: 'server-error', hint: `${service} had an internal problem. Try again later; if it persists, ask the cloud operator.` };
  return { code: 'server-error', hint: 'Check that the URL points at OpenStack.' };
}

export interface FaultWording {
  /** "Cinder", "Trove", "Keystone". */
  service: string;
  /** What was being done: "creating the backup". */
  doing?: string;
  /** The request already carried a token Keystone had just issued: a 401 now is the service's own refusal, not a bad sign-in. */
  afterFreshSignIn?: boolean;
}

/** What a service's own 401 can mean besides a bad token (Trove maps its Forbidden and SwiftAuthError to 401). */
const ownUnauthorizedMeaning: Record<string, string> = {
  Trove: 'Trove also answers 401 when the project has no access to object storage (Swift), where backups are kept, or when the operation is not allowed for your user.',
};

/** keystonemiddleware's 401 carries `WWW-Authenticate: Keystone uri=…`; a service's own fault does not. */
function tokenRefusedByMiddleware(res: HttpResponse): boolean {
  return Object.entries(res.headers).some(([name, value]) => name.toLowerCase() === 'www-authenticate' && /keystone/i.test(String(value)));
}

/** A 401 to a freshly issued token that the service itself sent: say the service refused the operation. */
function serviceRefusalHint(service: string): string {
  const meaning = ownUnauthorizedMeaning[service] ?? `${service} answers 401 for some refusals of its own.`;
  return `${service} refused this operation although Keystone had just signed you in, so the password is not the problem. ${meaning} The message says why; ask a cloud admin if it persists.`;
}

/** Turns a non-OK OpenStack answer into an AppError that shows the server's message and says what to do. */
export async function faultToAppError(res: HttpResponse, wording: FaultWording): Promise<AppError> {
  const refusedByService = res.status === 401 && wording.afterFreshSignIn === true && !tokenRefusedByMiddleware(res);
  const message = await readFault(res);
  const { code, hint } = refusedByService ? { code: 'forbidden' as const, hint: serviceRefusalHint(wording.service) } : codeAndHint(res.status, wording.service);
  const while_ = wording.doing ? ` while ${wording.doing}` : '';
  const said = message ? `: ${message}` : '';
  const quota = res.status === 413 ? ' (quota exceeded)' : '';
  return new AppError(code, `${wording.service} answered HTTP ${res.status}${quota}${while_}${said}.`, hint);
}
