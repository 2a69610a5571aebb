import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream/promises';
import type { CallResult } from '../../../shared/contract';
import { terminalJobStates, type Job } from '../../../shared/domain';
import type { ErrorCode } from '../../../shared/errors';
import type { AppCore } from '../../core/app-core';

export type SendJson = (status: number, body: CallResult<unknown>) => void;

/** The query of `POST /api/upload` as the contract's stream-upload request (validated by the core). */
function requestFrom(query: URLSearchParams): Record<string, unknown> {
  const deleteBackupId = query.get('deleteBackupId');
  const clientRef = query.get('clientRef');
  return {
    ...(clientRef ? { clientRef } : {}),
    endpointId: query.get('endpointId') ?? '',
    name: query.get('name') ?? '',
    sizeBytes: Number(query.get('sizeBytes') ?? NaN),
    warningsAccepted: query.get('warningsAccepted') === 'true',
    ...(deleteBackupId ? { deleteFirst: { backupId: deleteBackupId, confirmation: query.get('deleteConfirmation') ?? '' } } : {}),
  };
}

/** The HTTP status of a refusal before the job started; the body carries the envelope either way. */
const statusFor: Partial<Record<ErrorCode, number>> = { validation: 400, 'confirmation-mismatch': 400, 'not-found': 404, unsupported: 400, 'vault-locked': 423 };

/** Reads and drops what is left of the body, so the browser gets the answer instead of a reset connection. */
async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  req.unpipe();
  req.resume();
  await finished(req).catch(() => undefined);
}

/**
 * Browser mode's upload: the request body is the file and streams straight into the upload job
 * (never held in memory). The answer is the job once the body has been read, or the job ended.
 */
export async function handleUpload(req: IncomingMessage, query: URLSearchParams, core: AppCore, send: SendJson): Promise<void> {
  if (req.headers['content-type'] !== 'application/octet-stream') {
    await drain(req);
    send(415, { ok: false, error: { code: 'validation', message: 'Uploads are sent as application/octet-stream.' } });
    return;
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  const request = requestFrom(query);
  if (Number.isFinite(declared) && declared !== request.sizeBytes) {
    await drain(req);
    send(400, { ok: false, error: { code: 'validation', message: `The body has ${declared} bytes but the upload announced ${String(request.sizeBytes)}.` } });
    return;
  }
  let latest: Job | undefined;
  let settle: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (settle = resolve));
  const stop = core.onEvent((name, payload) => {
    const job = payload as Job;
    if (name !== 'job.updated' || job.id !== latest?.id) return;
    latest = job;
    if (terminalJobStates.includes(job.state)) settle();
  });
  try {
    const started = await core.uploadStream(request, req);
    if (!started.ok) {
      await drain(req);
      send(statusFor[started.error.code] ?? 409, started);
      return;
    }
    // The job may have ended between starting and now: take its current state, not the snapshot.
    const listed = await core.dispatch('jobs.list', {});
    latest = (listed.ok ? (listed.value as Job[]).find((j) => j.id === started.value.id) : undefined) ?? latest ?? started.value;
    if (terminalJobStates.includes(latest.state)) settle();
    await Promise.race([finished(req).catch(() => undefined), ended]);
    await drain(req);
    send(200, { ok: true, value: latest });
  } finally {
    stop();
  }
}
