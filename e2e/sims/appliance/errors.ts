/**
 * Riverbed REST services answer errors as `{"error_id": "...", "error_text": "..."}`. The shape is known
 * (steelscript); the exact ids for npm.backup are not published, so the ids below are the simulator's choice.
 */
export const errorIds = {
  authRequired: 'AUTH_REQUIRED',
  invalidToken: 'AUTH_INVALID_TOKEN',
  expiredToken: 'AUTH_EXPIRED_TOKEN',
  invalidCredentials: 'AUTH_INVALID_CREDENTIALS',
  notFound: 'RESOURCE_NOT_FOUND',
  methodNotAllowed: 'METHOD_NOT_ALLOWED',
  invalidRequest: 'INVALID_REQUEST',
  limitReached: 'BACKUP_LIMIT_REACHED',
  notReady: 'BACKUP_NOT_READY',
  invalidFile: 'INVALID_BACKUP_FILE',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  versionMismatch: 'SW_VERSION_MISMATCH',
  internal: 'INTERNAL_ERROR',
  unavailable: 'SERVICE_UNAVAILABLE',
} as const;

export type ErrorId = (typeof errorIds)[keyof typeof errorIds];

export interface WireError {
  error_id: ErrorId;
  error_text: string;
}

/** An error a route throws; the router turns it into the status and the Riverbed error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorId: ErrorId,
    text: string,
  ) {
    super(text);
  }

  get body(): WireError {
    return { error_id: this.errorId, error_text: this.message };
  }
}

export const notFound = (what: string) => new ApiError(404, errorIds.notFound, `${what} not found`);
export const invalidRequest = (text: string) => new ApiError(400, errorIds.invalidRequest, text);
export const unsupportedMediaType = (got: string | undefined, want: string) =>
  new ApiError(415, errorIds.unsupportedMediaType, `Unsupported Content-Type "${got ?? ''}": expected "${want}"`);

const numberWords = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export function limitReached(limit: number): ApiError {
  const count = numberWords[limit] ?? String(limit);
  return new ApiError(
    400,
    errorIds.limitReached,
    `Only ${count} backup${limit === 1 ? '' : 's'} may exist on this appliance at a time. Delete a backup before creating or uploading another one.`,
  );
}

export const notReady = (id: string, status: string) =>
  new ApiError(400, errorIds.notReady, `Backup ${id} is not ready (status "${status}"): only a completed backup can be used for this`);
