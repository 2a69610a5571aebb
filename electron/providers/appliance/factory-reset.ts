import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { authed, readDeviceInfo } from './api';
import { npmBackup } from './device-url';
import { refusal } from './errors';
import { classifyPollFailure, milestones, newFingerprintOf } from './reboot-poll';
import { dropSession } from './session';
import { elapsedText, pause, type ApplianceTimings } from './timing';
import type { DeviceInfo } from './wire-schemas';

function backOutcome(info: DeviceInfo | undefined, fingerprint: string | undefined): string {
  const name = info?.device_name ? ` (${info.device_name})` : '';
  const cert = fingerprint
    ? `It now presents a new self-signed certificate, SHA-256 ${fingerprint}: compare that with the fingerprint on the appliance console, and only if they match accept it in the endpoint settings.`
    : 'It makes a new self-signed certificate: check its fingerprint on the appliance console before accepting it in the endpoint settings.';
  return (
    `The appliance${name} is back with factory settings: its configuration, logs and data were wiped, and it holds no backups. ` +
    `${cert} Its admin password is the factory default again: enter it in the endpoint settings (and change it on the appliance).`
  );
}

/**
 * POST /backups/reset_factory (no body), then wait for the box to come back: it is back when
 * /api/common/1.0/info answers after it went down, or as soon as it presents another certificate (a
 * reset makes a new self-signed one). The session is dropped: every token and the old password are gone.
 */
export async function factoryReset(ctx: ProviderContext, timings: ApplianceTimings, op: OperationContext): Promise<OperationOutcome> {
  const milestone = milestones(op);
  op.progress({ stage: 'Asking the appliance to reset to factory settings' });
  const startedAtMs = Date.now();
  try {
    const res = await authed(ctx, { method: 'POST', path: npmBackup('backups/reset_factory'), signal: op.signal });
    if (res.status < 200 || res.status > 299) throw await refusal(res, 'reset to factory settings');
    await res.discard();
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'timeout') || op.signal.aborted) throw error;
    ctx.log.warn('The factory reset request got no answer; waiting to see whether the appliance resets');
  }
  dropSession(ctx, true);
  milestone('Factory reset started');
  const deadline = startedAtMs + timings.rebootLimitMs;
  const o = { timeoutMs: timings.rebootRequestTimeoutMs, signal: op.signal };
  let down = false;
  let last: string | undefined;
  for (;;) {
    if (op.signal.aborted) {
      return { state: 'unknown', outcome: `Backup Console stopped waiting for the factory reset as it was closing. The appliance carries on: when it answers again it has factory settings, the default admin password, a new certificate and no backups.` };
    }
    if (Date.now() >= deadline) {
      const state = down ? 'has not come back since it went down' : 'never seemed to go down';
      return {
        state: 'unknown',
        outcome: `Stopped waiting after ${elapsedText(startedAtMs)}: the appliance ${state}${last ? ` (last: ${last})` : ''}. Check its console: once reset, it has factory settings, the default admin password, a new self-signed certificate and no backups.`,
      };
    }
    try {
      const info = await readDeviceInfo(ctx, o);
      if (down) {
        milestone('Appliance back with factory settings');
        return { state: 'succeeded', outcome: backOutcome(info, undefined) };
      }
      op.progress({ stage: `The appliance still answers; waiting for it to go down and wipe itself (${elapsedText(startedAtMs)})` });
    } catch (error) {
      if (op.signal.aborted) continue;
      const failure = classifyPollFailure(error);
      if (failure.kind === 'certificate') {
        milestone('Appliance wiping and rebooting');
        milestone('Appliance back with factory settings');
        return { state: 'succeeded', outcome: backOutcome(undefined, newFingerprintOf(failure.error)) };
      }
      down = true;
      last = failure.kind === 'down' ? failure.message : failure.error.message.replace(/[.\s]+$/, '');
      milestone('Appliance wiping and rebooting');
      op.progress({ stage: `The appliance is wiping itself and rebooting (${elapsedText(startedAtMs)}): ${last}` });
    }
    await pause(timings.rebootPollMs, op.signal);
  }
}
