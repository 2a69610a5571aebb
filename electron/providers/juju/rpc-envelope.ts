import { parseJsonAs } from '../parse-json';
import { responseFrameSchema, type WireError } from './wire-schemas';

/** One facade call: `{"type":"Backups","version":3,"request":"Create","params":{…}}`. */
export interface RpcCall {
  type: string;
  version: number;
  request: string;
  params?: Record<string, unknown>;
}

/**
 * A request frame as Juju's jsoncodec reads it. The id must be ≥ 1: a missing or zero
 * `request-id` makes the server fall back to the pre-2.0 CamelCase envelope.
 */
export function encodeRequest(requestId: number, call: RpcCall): string {
  if (!Number.isSafeInteger(requestId) || requestId < 1) throw new RangeError(`Juju request ids start at 1 (got ${requestId})`);
  return JSON.stringify({ 'request-id': requestId, type: call.type, version: call.version, request: call.request, params: call.params ?? {} });
}

export type DecodedFrame = { requestId: number; ok: true; response: unknown } | { requestId: number; ok: false; error: WireError };

/**
 * A response frame, or null when the text is not one (not JSON, no request id, neither a response
 * nor an error). An empty result may come as `"response":{}` or with no `response` at all.
 */
export function decodeResponse(text: string): DecodedFrame | null {
  const frame = parseJsonAs(responseFrameSchema, text);
  if (!frame) return null;
  const { 'request-id': requestId, error, 'error-code': code, 'error-info': info, response } = frame;
  if (error !== undefined && error !== '') return { requestId, ok: false, error: { message: error, code: code || undefined, info: info ?? undefined } };
  return { requestId, ok: true, response: response ?? {} };
}
