import { describe, expect, it } from 'vitest';
import { explainJujuError } from './rpc-errors';

const c = { username: 'bob', doing: 'create a backup', modelUuid: 'm-1' };
const explain = (message: string, code?: string) => explainJujuError({ message, code }, c);

describe('Juju error codes in the user\'s words', () => {
  it.each([
    ['invalid entity name or password', 'unauthorized access', 'unauthorized', 'The controller refused user bob: wrong user name or password.'],
    ['permission denied', 'unauthorized access', 'forbidden', 'User bob may not create a backup: Juju backups need a controller superuser.'],
    ['backups are only supported from the controller model\nUse juju switch to select the controller model', undefined, 'validation', 'Model m-1 is not the controller model, and Juju makes backups only from the controller model.'],
    ['requested model is not the controller model', 'bad request', 'validation', 'Model m-1 is not the controller model, and Juju makes backups only from the controller model.'],
    ['unknown model: "m-1"', 'model not found', 'not-found', 'The controller has no model m-1.'],
    ['facade "Backups" not supported for controller API connection', 'not supported', 'unsupported', 'This controller cannot create a backup: facade "Backups" not supported for controller API connection.'],
    ['no such request - method Backups(3).List is not implemented', 'not implemented', 'unsupported', 'This controller cannot create a backup: no such request - method Backups(3).List is not implemented.'],
    ['upgrade in progress', 'upgrade in progress', 'conflict', 'The controller is being upgraded, so it cannot create a backup now.'],
    ['HA not ready; try again later', undefined, 'conflict', 'The controller cannot create a backup right now: HA not ready; try again later.'],
    ['redirection required', 'redirection required', 'unreachable', 'The controller asked to be reached at another address (redirection required).'],
    ['client incompatible with server 3.6.14', 'incompatible client', 'unsupported', 'The controller refused this client version: client incompatible with server 3.6.14.'],
    ['Restore did not finish successfully', undefined, 'server-error', 'The controller could not create a backup: Restore did not finish successfully.'],
  ])('%s (%s) → %s', (message, code, appCode, text) => {
    const error = explain(message, code);
    expect(error.code).toBe(appCode);
    expect(error.message).toBe(text);
  });

  it('tells a non-superuser how to get access', () => {
    expect(explain('permission denied', 'unauthorized access').hint).toBe('Ask a controller admin to run `juju grant bob superuser`, or sign in as admin.');
  });

  it('points a wrong model at the setting to clear', () => {
    expect(explain('requested model is not the controller model').hint).toContain('Controller model UUID');
  });
});
