import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { elapsedText } from '../text';
import { authed, readDeviceInfo, readIdleRestoreStatus } from './api';
import { isRefusedConnect, mayHaveActed } from './connection-failures';
import { npmBackup } from './device-url';
import { refusal } from './errors';
import { classifyPollFailure, milestones, newFingerprintOf } from './reboot-poll';
import { dropSession } from './session';
import { pause, type ApplianceTimings } from './timing';
import type { DeviceInfo } from './wire-schemas';

const WHAT_A_RESET_DOES = 'A factory reset wipes the configuration, logs, data and backups, and brings back the default admin password.';

/** Seen it refuse connections (down), then answer /info again: only then is it known to be back. */
function backOutcome(info: DeviceInfo): string {
  const name = info.device_name ? ` (${info.device_name})` : '';
  return (
    `The appliance${name} is back with factory settings: it refused connections while it reset and answers again, so its configuration, logs and data were wiped, and it holds no backups. ` +
    'Its admin password is the factory default again: enter it in the endpoint settings (and change it on the appliance), then use Test connection.'
  );
}

/** After the reset request it presents a certificate this endpoint does not trust: on its way, but not seen back. */
function newCertificateOutcome(error: AppError, down: boolean): string {
  const fingerprint = newFingerprintOf(error);
  const cert = fingerprint ? `a new certificate, SHA-256 ${fingerprint}` : `a certificate Backup Console does not trust (${error.message.replace(/[.\s]+$/, '')})`;
  const seen = down ? 'went down and now presents' : 'now presents';
  return (
    `The factory reset has started: after the reset request the appliance ${seen} ${cert}, so Backup Console cannot see whether the reset has finished. ` +
    `Check the fingerprint on the appliance console; only if it matches, accept the certificate in the endpoint settings, enter the factory-default admin password, then use Test connection. ${WHAT_A_RESET_DOES}`
  );
}

/**
 * POST /backups/reset_factory (no body), then wait for the box to come back. It went down only when it
 * refuses connections (ECONNREFUSED); timeouts and errors while it is busy or booting do not count.
 * It is back when /api/common/1.0/info answers after that. A certificate it presents that this endpoint
 * does not trust (a reset makes a new self-signed one) ends the wait as 'unknown': on its way, not seen back.
 * The session is dropped: every token and the old password are gone.
 */
export async function factoryReset(ctx: ProviderContext, timings: ApplianceTimings, op: OperationContext): Promise<OperationOutcome> {
  const milestone = milestones(op);
  op.progress({ stage: 'Asking the appliance to reset to factory settings' });
  // A reset is the last resort for a box whose backup service is broken: only a restore seen under way stops it.
  await readIdleRestoreStatus(ctx, 'start a factory reset', { signal: op.signal }).catch((error: unknown) => {
    if (op.signal.aborted || (error instanceof AppError && error.code === 'conflict')) throw error;
    ctx.log.warn('Could not read restore_status before the factory reset; going on', { error: (error as Error).message });
  });
  const startedAtMs = Date.now();
  try {
    const res = await authed(ctx, { method: 'POST', path: npmBackup('backups/reset_factory'), signal: op.signal });
    if (res.status < 200 || res.status > 299) throw await refusal(res, 'reset to factory settings');
    await res.discard();
  } catch (error) {
    // No answer in time, or the socket closed after the request went out (a box that drops it as it goes down): it may be resetting.
    if (!mayHaveActed(error) || op.signal.aborted) throw error;
    ctx.log.warn('The factory reset request got no answer; waiting to see whether the appliance resets', { error: (error as Error).message });
  }
  dropSession(ctx, true);
  milestone('Factory reset started');
  const deadline = startedAtMs + timings.rebootLimitMs;
  const o = { timeoutMs: timings.rebootRequestTimeoutMs, signal: op.signal };
  let down = false;
  let unanswered = 0;
  let last: string | undefined;
  for (;;) {
    if (op.signal.aborted) {
      return { state: 'unknown', outcome: `Backup Console stopped waiting for the factory reset. The appliance carries on: when it answers again it has factory settings, the default admin password, a new certificate and no backups.` };
    }
    if (Date.now() >= deadline) {
      const state = down
        ? 'refused connections after the reset request and has not answered since'
        : `never refused connections after the reset request, so Backup Console did not see it go down${unanswered ? ` (${unanswered} check${unanswered === 1 ? '' : 's'} went unanswered)` : ''}`;
      return {
        state: 'unknown',
        outcome: `Stopped waiting after ${elapsedText(startedAtMs)}: the appliance ${state}${last ? ` (last: ${last})` : ''}. Check its console: once reset, it has factory settings, the default admin password, a new self-signed certificate and no backups.`,
      };
    }
    try {
      const info = await readDeviceInfo(ctx, o);
      if (down) {
        milestone('Appliance back with factory settings');
        return { state: 'succeeded', outcome: backOutcome(info) };
      }
      op.progress({ stage: `The appliance still answers; waiting for it to go down and wipe itself (${elapsedText(startedAtMs)})` });
    } catch (error) {
      if (op.signal.aborted) continue;
      const failure = classifyPollFailure(error);
      if (failure.kind === 'certificate') {
        milestone('Appliance presents a new certificate');
        return { state: 'unknown', outcome: newCertificateOutcome(failure.error, down) };
      }
      last = failure.kind === 'down' ? failure.message : failure.error.message.replace(/[.\s]+$/, '');
      if (isRefusedConnect(error)) {
        down = true;
        milestone('Appliance wiping and rebooting');
        op.progress({ stage: `The appliance is wiping itself and rebooting (${elapsedText(startedAtMs)}): ${last}` });
      } else {
        // Busy or booting (a timeout, a 5xx, a reset socket, a refusal): neither down nor back.
        unanswered += 1;
        const doing = down ? 'The appliance is starting up' : failure.kind === 'refused' ? 'The appliance refused the check' : 'The appliance did not answer';
        op.progress({ stage: `${doing} (${elapsedText(startedAtMs)}): ${last}` });
      }
    }
    await pause(timings.rebootPollMs, op.signal);
  }
}
