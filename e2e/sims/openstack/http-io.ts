import type { ServerResponse } from 'node:http';
import type { SimResponder } from './sim-service';

export { readJsonBody } from '../pieces/http-io';

/** Every answer carries `x-openstack-request-id`, as oslo.middleware adds it in front of each service. */
export function makeResponder(res: ServerResponse, requestId: string): SimResponder {
  const send = (status: number, body: string | undefined, headers: Record<string, string> = {}) => {
    if (res.writableEnded || res.destroyed) return;
    const all: Record<string, string | number> = { 'x-openstack-request-id': requestId, ...headers, 'content-length': body === undefined ? 0 : Buffer.byteLength(body) };
    if (body !== undefined) all['content-type'] ??= 'application/json';
    res.writeHead(status, all).end(body ?? '');
  };
  return {
    json(status, body, headers) {
      send(status, JSON.stringify(body), headers);
    },
    empty(status, headers) {
      send(status, undefined, headers);
    },
    fault(status, name, message, headers) {
      send(status, JSON.stringify({ [name]: { code: status, message } }), headers);
    },
  };
}

const keystoneTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Keystone's (and keystonemiddleware's) error shape: `{"error":{"code","title","message"}}`. */
export function keystoneError(res: SimResponder, status: number, message: string, headers?: Record<string, string>): void {
  res.json(status, { error: { code: status, title: keystoneTitles[status] ?? 'Error', message } }, headers);
}

export const UNAUTHORIZED_MESSAGE = 'The request you have made requires authentication.';
