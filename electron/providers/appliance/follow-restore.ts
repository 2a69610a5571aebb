import { AppError } from '../../../shared/errors';
import { parseWire } from '../../core/http/http-client';
import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { elapsedText } from '../text';
import { deviceClient, npmBackup } from './device-url';
import { refusal } from './errors';
import { epochToIso } from './normalise';
import { classifyPollFailure, milestones } from './reboot-poll';
import { dropSession, sessionOf, signIn, type SessionOptions } from './session';
import { pause, type ApplianceTimings } from './timing';
import { restoreStatusSchema, type WireRestoreStatus } from './wire-schemas';

export interface RestoreWatch {
  backupId: string;
  /** `last_restore_time` read just before the restore was sent (appliance clock, epoch seconds). */
  lastRestoreTimeBefore: number;
  /** This computer's clock when the restore was sent: the 60-minute limit counts from here. */
  startedAtMs: number;
  /** Re-attached after Backup Console restarted: the reboot may be over already. */
  resumed: boolean;
}

const ENDED = new Set(['completed', 'completed_with_errors', 'failed']);

/**
 * The end of THIS restore: restore_status reports completed, completed_with_errors or failed AND its
 * `last_restore_time` is newer than the value read before the restore was sent. Both times come from
 * the appliance's clock, so a skewed clock on this computer cannot make an old result look new.
 */
export function restoreEnded(status: WireRestoreStatus, lastRestoreTimeBefore: number): boolean {
  return ENDED.has(status.status ?? '') && (status.last_restore_time ?? 0) > lastRestoreTimeBefore;
}

const statusCheck = (w: RestoreWatch) =>
  `GET /api/npm.backup/1.0/restore_status on the appliance shows how it ended: a last_restore_time after ${epochToIso(w.lastRestoreTimeBefore) ?? w.lastRestoreTimeBefore} and a status of completed, completed_with_errors or failed.`;

/** One read of restore_status with a short timeout; a 401 (the reboot killed every token) signs in again once. */
async function readStatus(ctx: ProviderContext, o: SessionOptions, onSignIn: () => void, onTokenDead: () => void): Promise<WireRestoreStatus> {
  const client = deviceClient(ctx);
  let session = sessionOf(ctx);
  if (!session) {
    onSignIn();
    session = await signIn(ctx, o);
  }
  const get = (token: string) => client.request({ path: npmBackup('restore_status'), headers: { authorization: `Bearer ${token}` }, ...o });
  let res = await get(session.accessToken);
  if (res.status === 401) {
    await res.discard();
    dropSession(ctx);
    onTokenDead();
    onSignIn();
    res = await get((await signIn(ctx, o)).accessToken);
  }
  if (res.status !== 200) throw await refusal(res, 'report the restore status');
  return parseWire(restoreStatusSchema, await res.json(), res.url);
}

function ended(w: RestoreWatch, status: WireRestoreStatus): OperationOutcome {
  const said = status.status_message?.trim().replace(/[.\s]+$/, '');
  const when = epochToIso(status.last_restore_time) ?? String(status.last_restore_time);
  if (status.status === 'failed') {
    throw new AppError(
      'server-error',
      `The appliance reports that restoring backup ${w.backupId} failed${said ? `: "${said}"` : ' (it gave no reason)'}.`,
      "Check the appliance's console and logs before relying on it; its restore_status shows the same message.",
    );
  }
  if (status.status === 'completed_with_errors') {
    return {
      state: 'succeeded',
      outcome: `The appliance restored backup ${w.backupId} at ${when} but reports errors${said ? `: "${said}"` : ''}. Check on the appliance (console, system log, its configuration pages) which settings were not applied, and set them again.`,
      backupId: w.backupId,
    };
  }
  return { state: 'succeeded', outcome: `Restored the appliance from backup ${w.backupId}: it rebooted and reports the restore completed at ${when}.`, backupId: w.backupId };
}

/**
 * Polls restore_status every `rebootPollMs` with short per-request timeouts, riding out refused
 * connections, timeouts, 5xx and dead tokens while the appliance reboots, until this restore's end
 * (see `restoreEnded`). After `rebootLimitMs`, or when the app stops, the end is 'unknown'.
 */
export async function followRestore(ctx: ProviderContext, timings: ApplianceTimings, op: OperationContext, w: RestoreWatch): Promise<OperationOutcome> {
  const milestone = milestones(op);
  const deadline = w.startedAtMs + timings.rebootLimitMs;
  const o: SessionOptions = { timeoutMs: timings.rebootRequestTimeoutMs, signal: op.signal };
  let down = w.resumed;
  let refusedInRow = 0;
  let last: string | undefined;
  let lastStatus: WireRestoreStatus | undefined;
  const wentDown = () => {
    down = true;
    milestone('Appliance rebooting');
  };
  const unknown = (outcome: string): OperationOutcome => ({ state: 'unknown', outcome, backupId: w.backupId });
  for (;;) {
    if (op.signal.aborted) {
      return unknown(`Backup Console stopped waiting for the restore of backup ${w.backupId} as it was closing; the appliance carries on, and Backup Console checks its restore status again when it starts. ${statusCheck(w)}`);
    }
    if (Date.now() >= deadline) {
      const seen = lastStatus ? ` Its restore_status last said "${lastStatus.status ?? '?'}" (last_restore_time ${lastStatus.last_restore_time ?? '?'}).` : '';
      const why = down ? 'the appliance went down to reboot and has not reported the end of the restore since' : 'the appliance has not reported the end of the restore';
      return unknown(`Stopped waiting after ${elapsedText(w.startedAtMs)}: ${why}${last ? ` (last: ${last})` : ''}.${seen} Check the appliance's console; ${statusCheck(w)}`);
    }
    let status: WireRestoreStatus | undefined;
    try {
      status = await readStatus(ctx, o, () => down && milestone('Signing in again'), wentDown);
    } catch (error) {
      if (op.signal.aborted) continue;
      const failure = classifyPollFailure(error);
      if (failure.kind === 'certificate') {
        return unknown(`Since the restore the appliance presents a certificate Backup Console was not told to trust, so it cannot read the restore status: ${failure.error.message} Check the fingerprint on the appliance console, accept the certificate in the endpoint settings, then check the restore. ${statusCheck(w)}`);
      }
      if (failure.kind === 'down') {
        wentDown();
        last = failure.message;
        op.progress({ stage: `Waiting for the appliance to come back (${elapsedText(w.startedAtMs)}): ${failure.message}` });
      } else {
        refusedInRow += 1;
        last = failure.error.message.replace(/[.\s]+$/, '');
        if (refusedInRow >= timings.refusedSignInsAfterReboot) {
          const who = failure.error.code === 'unauthorized' ? ' The restored configuration may have other accounts or passwords: sign in on the appliance, and update the password in the endpoint settings.' : '';
          return unknown(`The appliance answers again but refuses Backup Console (${last}).${who} ${statusCheck(w)}`);
        }
        op.progress({ stage: `The appliance refused (${last}); trying again` });
      }
    }
    if (status) {
      refusedInRow = 0;
      lastStatus = status;
      if (down) milestone('Appliance back');
      // Outside the try: a failed restore is an answer, not an outage to ride out.
      if (restoreEnded(status, w.lastRestoreTimeBefore)) return ended(w, status);
      op.progress({ stage: `${down ? 'The appliance is back; its' : 'The'} restore status is "${status.status ?? '?'}" (${elapsedText(w.startedAtMs)})` });
    }
    await pause(timings.rebootPollMs, op.signal);
  }
}
