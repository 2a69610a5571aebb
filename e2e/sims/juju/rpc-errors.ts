/** An error as Juju's RPC layer sends it: `error`, `error-code` (omitted when empty), `error-info`. */
export class RpcError extends Error {
  constructor(
    message: string,
    readonly code = '',
    readonly info?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const codes = {
  notFound: 'not found',
  unauthorized: 'unauthorized access',
  noCreds: 'no credentials provided',
  notSupported: 'not supported',
  notImplemented: 'not implemented',
  notValid: 'not valid',
  badRequest: 'bad request',
  methodNotAllowed: 'method not allowed',
  redirect: 'redirection required',
  modelNotFound: 'model not found',
  incompatibleClient: 'incompatible client',
} as const;

/** apiserver/common.ErrPerm. */
export const permissionDenied = () => new RpcError('permission denied', codes.unauthorized);

export const badCredentials = () => new RpcError('invalid entity name or password', codes.unauthorized);

/** rpcreflect.CallNotImplementedError, with its three wordings. */
export function callNotImplemented(facade: string, version: number, method?: string): RpcError {
  if (method === undefined) {
    const text = version !== 0 ? `unknown version (${version}) of interface "${facade}"` : `unknown object type "${facade}"`;
    return new RpcError(text, codes.notImplemented);
  }
  const target = version !== 0 ? `${facade}(${version})` : facade;
  return new RpcError(`no such request - method ${target}.${method} is not implemented`, codes.notImplemented);
}

export function asRpcError(error: unknown): RpcError {
  if (error instanceof RpcError) return error;
  return new RpcError(error instanceof Error ? error.message : String(error));
}
