import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { parseWire, type HttpClient, type HttpResponse } from '../../core/http/http-client';
import type { ProviderContext } from '../provider';
import { pickCatalogEndpoint, type CatalogChoice } from './catalog';
import { faultToAppError } from './faults';
import { explainPinOnOtherHost, refuseCleartextToken } from './open-service-guards';
import { isAdminRole } from './roles';
import { serviceTypes, type OpenStackService, type OpenStackServiceName, type ServiceRequest } from './service';
import type { KeystoneSession } from './session';
import { parseOpenStackSettings, type OpenStackSettings } from './settings';
import { currentSession } from './token-session';

export const serviceLabels: Record<OpenStackServiceName, string> = { cinder: 'Cinder', trove: 'Trove' };

/** An OpenStackService plus what the catalog lookup chose, and requests to absolute URLs on the same host (pagination links, version documents). */
export interface OpenedService extends OpenStackService {
  readonly label: string;
  readonly choice: CatalogChoice;
  readonly projectId: string;
  readonly userId: string;
  /** `request` for an absolute URL; refuses one on another scheme, host or port than the catalog URL. */
  requestUrl(url: string, req: Omit<ServiceRequest, 'path' | 'query'>): Promise<HttpResponse>;
}

function isOk(status: number, okStatuses?: number[]): boolean {
  return okStatuses ? okStatuses.includes(status) : status >= 200 && status < 300;
}

class KeystoneBackedService implements OpenedService {
  readonly baseUrl: string;
  private readonly client: HttpClient;

  constructor(
    private readonly ctx: ProviderContext,
    private readonly settings: OpenStackSettings,
    private session: KeystoneSession,
    readonly label: string,
    readonly choice: CatalogChoice,
  ) {
    this.client = ctx.httpFor(choice.url);
    this.baseUrl = this.client.baseUrl;
  }

  get roles(): readonly string[] {
    return this.session.roles;
  }
  get isAdmin(): boolean {
    return isAdminRole(this.session.roles);
  }
  get projectId(): string {
    return this.session.projectId;
  }
  get userId(): string {
    return this.session.userId;
  }

  request(req: ServiceRequest): Promise<HttpResponse> {
    return this.send(this.client, req);
  }

  async requestJson<T extends z.ZodType>(schema: T, req: ServiceRequest): Promise<z.output<T>> {
    const res = await this.request(req);
    return parseWire(schema, await res.json(), res.url);
  }

  async requestUrl(url: string, req: Omit<ServiceRequest, 'path' | 'query'>): Promise<HttpResponse> {
    const target = new URL(url);
    const base = new URL(this.baseUrl);
    if (target.origin !== base.origin) {
      throw new AppError('bad-response', `${this.label} pointed at ${target.origin}, which is not its catalog host ${base.origin}; Backup Console does not follow it.`, 'Check the cloud\'s public endpoint configuration (a proxy may rewrite links).');
    }
    return this.send(this.ctx.httpFor(`${base.origin}/`), { ...req, path: target.pathname + target.search });
  }

  private async send(client: HttpClient, req: ServiceRequest): Promise<HttpResponse> {
    const { okStatuses, doing, ...http } = req;
    let res = await this.once(client, http);
    let afterFreshSignIn = false;
    if (res.status === 401) {
      // The token expired early or was revoked: sign in again once, then retry once.
      await res.discard();
      this.session = await currentSession(this.ctx, this.settings, { signal: req.signal, staleToken: this.session.token });
      res = await this.once(client, http);
      afterFreshSignIn = true;
    }
    if (isOk(res.status, okStatuses)) return res;
    // A 401 to the new token is the service's own refusal (Trove: Forbidden, SwiftAuthError), not a bad password.
    throw await faultToAppError(res, { service: this.label, doing, afterFreshSignIn });
  }

  private async once(client: HttpClient, req: Omit<ServiceRequest, 'okStatuses' | 'doing'>): Promise<HttpResponse> {
    this.session = await currentSession(this.ctx, this.settings, { signal: req.signal });
    try {
      return await client.request({ ...req, headers: { ...req.headers, 'X-Auth-Token': this.session.token } });
    } catch (error) {
      throw explainPinOnOtherHost(error, { authUrl: this.ctx.http.baseUrl, serviceUrl: client.baseUrl, pinned: this.ctx.endpoint.tls.fingerprint256, label: this.label });
    }
  }
}

/**
 * Signs in to Keystone (or reuses the endpoint's fresh token) and opens the named service at the
 * catalog URL for the configured region and interface.
 */
export async function openService(ctx: ProviderContext, name: OpenStackServiceName, signal?: AbortSignal): Promise<OpenedService> {
  const settings = parseOpenStackSettings(ctx.endpoint.settings);
  const session = await currentSession(ctx, settings, { signal });
  const label = serviceLabels[name];
  const choice = pickCatalogEndpoint(session.catalog, serviceTypes[name], { region: settings.region_name, interface: settings.interface, label });
  refuseCleartextToken(ctx.http.baseUrl, choice, label);
  return new KeystoneBackedService(ctx, settings, session, label, choice);
}
