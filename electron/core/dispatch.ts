import { calls, type CallHandlers, type CallResult } from '../../shared/contract';
import { isCallName } from '../../shared/channels';
import { toErrorEnvelope } from '../../shared/errors';
import type { Logger } from './log/logger';

export type Dispatch = (name: string, rawInput: unknown) => Promise<CallResult<unknown>>;

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * The single entry into main for both hosts. Input is validated against the contract (a buggy or
 * hostile renderer gets a validation error, not a crash); output is parsed too, which strips any
 * field the contract does not declare, so internal state such as remote references never leaks.
 */
export function createDispatcher(handlers: CallHandlers, log: Logger): Dispatch {
  return async (name, rawInput) => {
    if (!isCallName(name)) {
      log.warn('refused unknown call', { call: String(name).slice(0, 64) });
      return { ok: false, error: { code: 'validation', message: `There is no call named "${String(name).slice(0, 64)}".` } };
    }
    const spec = calls[name];
    const input = spec.input.safeParse(rawInput ?? {});
    if (!input.success) {
      const message = input.error.issues.slice(0, 3).map(describeIssue).join('; ');
      log.info('refused invalid input', { call: name, issues: message });
      return { ok: false, error: { code: 'validation', message, hint: 'Correct the value and try again.' } };
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const value = await handler(input.data);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        log.error('handler returned data outside the contract', { call: name, issues: output.error.issues.slice(0, 3).map(describeIssue).join('; ') });
        return { ok: false, error: { code: 'internal', message: `Backup Console produced an invalid answer for ${name}.`, hint: 'This is a bug; the log has details.' } };
      }
      return { ok: true, value: output.data };
    } catch (error) {
      const envelope = toErrorEnvelope(error);
      if (envelope.code === 'internal') log.error('call failed', { call: name, error });
      else log.info('call refused', { call: name, code: envelope.code, message: envelope.message });
      return { ok: false, error: envelope };
    }
  };
}
