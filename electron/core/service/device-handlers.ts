import type { CallHandlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { readPeerCertificate } from '../http/peer-certificate';
import type { CoreDeps } from './deps';
import { requireCapability, requireConfirmation, startJob } from './provider-calls';

type DeviceHandlers = Pick<CallHandlers, 'endpoints.inspectCertificate' | 'endpoints.factoryReset'>;

/** Trusting a device's own certificate, and wiping the device. */
export function deviceHandlers(deps: CoreDeps): DeviceHandlers {
  return {
    'endpoints.inspectCertificate': ({ url }) => readPeerCertificate(url, { timeoutMs: 10_000 }),
    'endpoints.factoryReset': async ({ endpointId, confirmation }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const provider = requireCapability(deps, endpoint, 'factoryReset');
      const reset = provider.factoryReset;
      if (!reset) throw new AppError('unsupported', `${provider.info.label} endpoints have no factory reset.`);
      requireConfirmation(confirmation, endpoint.name, 'the endpoint name');
      deps.log.warn('factory reset confirmed', { endpointId });
      return startJob(
        deps,
        endpoint,
        { kind: 'factory-reset', stage: `Asking ${endpoint.name} to reset to factory settings`, cancellable: false },
        async (ctx, op) => {
          try {
            return await reset.call(provider, ctx, op);
          } finally {
            // The device forgets every session and comes back with new credentials and a new certificate.
            deps.connections.forget(endpoint.id);
          }
        },
      );
    },
  };
}
