import type { EndpointKind, KindInfo } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { applianceProvider } from './appliance/provider';
import { cinderProvider } from './cinder/provider';
import { jujuProvider } from './juju/provider';
import { piecesProvider } from './pieces/provider';
import type { Provider } from './provider';
import { troveProvider } from './trove/provider';

/** One line per endpoint kind. */
const builtIn: Record<EndpointKind, Provider> = {
  pieces: piecesProvider,
  cinder: cinderProvider,
  trove: troveProvider,
  juju: jujuProvider,
  appliance: applianceProvider,
};

export interface ProviderRegistry {
  get(kind: EndpointKind): Provider;
  kinds(): KindInfo[];
}

export function createProviderRegistry(providers: Partial<Record<EndpointKind, Provider>> = builtIn): ProviderRegistry {
  return {
    get(kind) {
      const provider = providers[kind];
      if (!provider) throw new AppError('unsupported', `Endpoints of kind "${kind}" are not supported by this version.`, 'Update Backup Console.');
      return provider;
    },
    kinds: () => Object.values(providers).map((p) => p.info),
  };
}
