import { AppError } from '../../../shared/errors';
import type { WireError } from './wire-schemas';

/** A call the controller answered with an error frame; turned into an AppError where it is explained. */
export class JujuRpcError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
    this.name = 'JujuRpcError';
  }
  get code(): string {
    return this.wire.code ?? '';
  }
}

export interface ErrorContext {
  username: string;
  /** What was being done, as a verb phrase: "create a backup". */
  doing: string;
  modelUuid?: string;
}

const sentence = (text: string) => text.trim().replace(/[.\s]+$/, '');

const modelHint =
  'Clear the "Controller model UUID" setting so Backup Console looks it up, or paste the UUID of the model named "controller" from `juju show-controller`.';

/** `params.Error` codes (rpc/params/apierror.go) and the messages Juju pairs with them, in the user's words. */
export function explainJujuError(wire: WireError, c: ErrorContext): AppError {
  const code = wire.code ?? '';
  const message = sentence(wire.message);
  if (/invalid entity name or password|invalid password/i.test(message) || code === 'no credentials provided') {
    return new AppError('unauthorized', `The controller refused user ${c.username}: wrong user name or password.`, 'Check the user and the password; `juju show-controller --show-password` prints both for the account you use.');
  }
  if (/^permission denied$/i.test(message) || code === 'forbidden') {
    return new AppError(
      'forbidden',
      `User ${c.username} may not ${c.doing}: Juju backups need a controller superuser.`,
      `Ask a controller admin to run \`juju grant ${c.username} superuser\`, or sign in as admin.`,
    );
  }
  if (/controller model/i.test(message)) {
    return new AppError('validation', `Model ${c.modelUuid ?? '(unknown)'} is not the controller model, and Juju makes backups only from the controller model.`, modelHint);
  }
  if (code === 'model not found' || /unknown model|model .* not found/i.test(message)) {
    return new AppError('not-found', `The controller has no model ${c.modelUuid ?? ''}`.trim() + '.', modelHint);
  }
  switch (code) {
    case 'unauthorized access':
      return new AppError('unauthorized', `The controller refused user ${c.username}: ${message}.`, 'Check the user and the password, and that the user may log in to this controller.');
    case 'login expired':
      return new AppError('not-signed-in', 'The controller ended the session; sign in again.', 'Test the connection to sign in again.');
    case 'macaroon discharge required':
    case 'discharge required':
      return new AppError(
        'unsupported',
        `User ${c.username} signs in through an external identity provider (macaroons), which Backup Console does not support.`,
        'Use a local Juju user with a password (`juju add-user`, `juju change-user-password`) that is a controller superuser.',
      );
    case 'incompatible client':
      return new AppError('unsupported', `The controller refused this client version: ${message}.`, 'Set "Controller version" to the agent-version `juju show-controller` prints.');
    case 'redirection required':
      return new AppError('unreachable', `The controller asked to be reached at another address (${message}).`, 'Run `juju show-controller` and use the API address and CA certificate it shows now.');
    case 'not supported':
    case 'not implemented':
      return new AppError('unsupported', `This controller cannot ${c.doing}: ${message}.`, "Juju changed its backup API between releases; the endpoint's capabilities list what this controller offers.");
    case 'upgrade in progress':
      return new AppError('conflict', `The controller is being upgraded, so it cannot ${c.doing} now.`, 'Try again once `juju status -m controller` shows the upgrade finished.');
    case 'try again':
      return new AppError('conflict', `The controller cannot ${c.doing} right now: ${message}.`, 'Try again in a minute.');
    case 'deadline exceeded':
      return new AppError('timeout', `The controller gave up trying to ${c.doing}: ${message}.`, 'Try again; a busy controller may need a quieter moment.');
    case 'not found':
      return new AppError('not-found', `The controller could not ${c.doing}: ${message}.`);
    case 'not valid':
    case 'bad request':
      return new AppError('validation', `The controller refused to ${c.doing}: ${message}.`);
  }
  if (/try again/i.test(message)) return new AppError('conflict', `The controller cannot ${c.doing} right now: ${message}.`, 'Try again in a minute.');
  return new AppError('server-error', `The controller could not ${c.doing}: ${message}.`, 'The controller log (`juju debug-log -m controller`) has the details.');
}

/** Any failure of a call, as an AppError: error frames are explained, everything else passes through. */
export function toAppError(error: unknown, c: ErrorContext): unknown {
  return error instanceof JujuRpcError ? explainJujuError(error.wire, c) : error;
}
