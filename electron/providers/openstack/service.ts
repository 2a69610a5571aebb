import type { z } from 'zod';
import type { HttpRequest, HttpResponse } from '../../core/http/http-client';

/** Service types as the Keystone catalog names them, in lookup order. */
export const serviceTypes = {
  /** `block-storage` is the official type; `volumev3` is what older deployments (and devstack) also register. */
  cinder: ['block-storage', 'volumev3'],
  trove: ['database'],
} as const;
export type OpenStackServiceName = keyof typeof serviceTypes;

export interface ServiceRequest extends HttpRequest {
  /** Statuses that are not errors for this call (default: any 2xx). Others become AppErrors built from the OpenStack fault body. */
  okStatuses?: number[];
  /** Says what was being done, for error messages ("creating the backup"). */
  doing?: string;
}

/**
 * One OpenStack service of one endpoint, reached with a Keystone token: the catalog URL for the
 * configured region and interface, the user's roles, and requests that carry `X-Auth-Token`,
 * re-authenticate shortly before the token expires and once on a 401.
 */
export interface OpenStackService {
  /** The catalog URL (project id included, as the catalog gives it). */
  readonly baseUrl: string;
  readonly roles: readonly string[];
  readonly isAdmin: boolean;
  request(req: ServiceRequest): Promise<HttpResponse>;
  /** `request`, then the body parsed with a wire schema (`parseWire`). */
  requestJson<T extends z.ZodType>(schema: T, req: ServiceRequest): Promise<z.output<T>>;
}
