import { endpointImportSchema, type CallHandlers, type EndpointView } from '../../../shared/contract';
import type { Endpoint, EndpointConfig } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { endpointSecretKey, endpointSecretPrefix } from '../secrets/secret-store';
import { toView, type CoreDeps } from './deps';

type EndpointHandlers = Pick<
  CallHandlers,
  'endpoints.list' | 'endpoints.add' | 'endpoints.update' | 'endpoints.remove' | 'endpoints.test' | 'endpoints.import'
>;

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

async function addEndpoint(deps: CoreDeps, config: EndpointConfig, secrets?: Record<string, string>): Promise<EndpointView> {
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
        const ctx = await deps.connections.contextFor(endpoint, draftSecrets);
        return await deps.connections.providerFor(endpoint).testConnection(ctx);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return { ok: false, message: error.message, hint: error.hint };
      } finally {
        if ('config' in input) deps.connections.forget(endpoint.id);
      }
    },
    'endpoints.import': async ({ text }) => {
      const added: EndpointView[] = [];
      const skipped: string[] = [];
      const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      for (const [index, line] of lines.entries()) {
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          skipped.push(`Line ${index + 1}: not JSON`);
          continue;
        }
        const config = endpointImportSchema.safeParse(json);
        if (!config.success) {
          const issue = config.error.issues[0];
          skipped.push(`Line ${index + 1}: ${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`);
          continue;
        }
        try {
          added.push(await addEndpoint(deps, config.data));
        } catch (error) {
          skipped.push(`Line ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return { added, skipped };
    },
  };
}
