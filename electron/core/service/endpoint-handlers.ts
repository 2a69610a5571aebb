import type { CallHandlers, EndpointView } from '../../../shared/contract';
import type { Endpoint, EndpointConfig } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { parseOptions } from '../../providers/parse-options';
import { endpointSecretKey, endpointSecretPrefix } from '../secrets/secret-store';
import { toView, type CoreDeps } from './deps';

type EndpointHandlers = Pick<
  CallHandlers,
  'endpoints.list' | 'endpoints.add' | 'endpoints.update' | 'endpoints.remove' | 'endpoints.test'
>;

/** Kind-specific settings are checked by the kind's own schema; a kind without settings takes none. */
function checkSettings(deps: CoreDeps, config: EndpointConfig): void {
  const provider = deps.providers.get(config.kind);
  if (provider.settingsSchema) parseOptions(provider.settingsSchema, config.settings, `${provider.info.label} settings`);
  else if (Object.keys(config.settings).length) {
    throw new AppError('validation', `${provider.info.label} endpoints take no extra settings (got ${Object.keys(config.settings).join(', ')}).`);
  }
}

function checkSecretNames(deps: CoreDeps, config: EndpointConfig, secrets: Record<string, string> | undefined): void {
  const allowed = new Set(deps.providers.get(config.kind).info.secretFields.map((f) => f.name));
  const unknown = Object.keys(secrets ?? {}).filter((name) => !allowed.has(name));
  if (unknown.length) {
    throw new AppError('validation', `${config.kind} endpoints have no secret field named ${unknown.join(', ')}.`);
  }
}

/** Stores non-empty values, deletes fields sent as empty strings, keeps fields not sent. */
async function saveSecrets(deps: CoreDeps, endpoint: Endpoint, secrets: Record<string, string> | undefined): Promise<Endpoint> {
  if (!secrets || Object.keys(secrets).length === 0) return endpoint;
  const set = new Set(endpoint.secretsSet);
  for (const [name, value] of Object.entries(secrets)) {
    const key = endpointSecretKey(endpoint.id, name);
    if (value === '') {
      await deps.secrets.delete(key);
      set.delete(name);
    } else {
      deps.redactor.add(value);
      await deps.secrets.set(key, value);
      set.add(name);
    }
  }
  return deps.endpoints.setSecretsSet(endpoint.id, [...set].sort());
}

/** Checked before anything is written, so a locked vault never leaves half an update behind. */
function checkSecretsCanBeStored(deps: CoreDeps, config: EndpointConfig, secrets: Record<string, string> | undefined): void {
  checkSecretNames(deps, config, secrets);
  if (secrets && Object.keys(secrets).length > 0 && deps.secrets.status().state !== 'unlocked') {
    throw new AppError('vault-locked', 'The vault is locked, so the credentials cannot be stored.', 'Unlock the vault with its passphrase first.');
  }
}

export async function addEndpoint(deps: CoreDeps, config: EndpointConfig, secrets?: Record<string, string>): Promise<EndpointView> {
  checkSettings(deps, config);
  checkSecretsCanBeStored(deps, config, secrets);
  const endpoint = await saveSecrets(deps, await deps.endpoints.add(config), secrets);
  deps.log.info('endpoint added', { endpointId: endpoint.id, kind: endpoint.kind });
  deps.emit('endpoints.changed', {});
  return toView(deps, endpoint);
}

export function endpointHandlers(deps: CoreDeps): EndpointHandlers {
  return {
    'endpoints.list': async () => deps.endpoints.list().map((e) => toView(deps, e)),
    'endpoints.add': ({ config, secrets }) => addEndpoint(deps, config, secrets),
    'endpoints.update': async ({ endpointId, config, secrets }) => {
      const before = deps.endpoints.get(endpointId);
      if (before.kind !== config.kind) {
        throw new AppError('validation', 'The kind of an endpoint cannot change.', 'Add a new endpoint of the other kind instead.');
      }
      checkSettings(deps, config);
      checkSecretsCanBeStored(deps, config, secrets);
      const updated = await saveSecrets(deps, await deps.endpoints.update(endpointId, config), secrets);
      deps.connections.forget(endpointId);
      deps.emit('endpoints.changed', {});
      return toView(deps, updated);
    },
    'endpoints.remove': async ({ endpointId }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const busy = deps.jobs.list().filter((j) => j.endpointId === endpointId && ['queued', 'running', 'cancelling'].includes(j.state));
      if (busy.length) {
        throw new AppError('conflict', `${endpoint.name} has ${busy.length} job(s) still running.`, 'Wait for them to finish or cancel them first.');
      }
      if (endpoint.secretsSet.length) await deps.secrets.deletePrefix(endpointSecretPrefix(endpointId));
      await deps.endpoints.remove(endpointId);
      deps.connections.forget(endpointId);
      deps.emit('endpoints.changed', {});
      return { removed: true as const };
    },
    'endpoints.test': async (input) => {
      const endpoint: Endpoint =
        'endpointId' in input
          ? deps.endpoints.get(input.endpointId)
          : { ...input.config, id: `draft-${Date.now()}`, createdAt: new Date().toISOString(), secretsSet: [] };
      const draftSecrets = 'config' in input ? input.secrets : undefined;
      try {
        checkSettings(deps, endpoint);
        const ctx = await deps.connections.contextFor(endpoint, draftSecrets);
        return await deps.connections.providerFor(endpoint).testConnection(ctx);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return { ok: false, message: error.message, hint: error.hint, code: error.code };
      } finally {
        if ('config' in input) deps.connections.forget(endpoint.id);
      }
    },
  };
}
