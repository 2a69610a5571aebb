import type { AppInfo, EndpointView, EventName, EventPayload } from '../../../shared/contract';
import type { Endpoint } from '../../../shared/domain';
import type { ProviderRegistry } from '../../providers/registry';
import type { Connections } from '../connections';
import type { EndpointStore } from '../endpoints/endpoint-store';
import type { JobRunner } from '../jobs/job-runner';
import type { Logger, SecretRedactor } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { DownloadLedger } from '../files/download-ledger';
import type { PickedPaths } from '../files/picked-paths';
import type { SaveRules } from './file-handlers';
import { capabilitiesOf } from './provider-calls';

export type EmitEvent = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** What the call handlers share. Built once by createAppCore. */
export interface CoreDeps {
  endpoints: EndpointStore;
  jobs: JobRunner;
  secrets: SecretStore;
  connections: Connections;
  providers: ProviderRegistry;
  redactor: SecretRedactor;
  log: Logger;
  emit: EmitEvent;
  appInfo: AppInfo;
  /** Where downloads may be written, and which are being written now. */
  saveRules: SaveRules;
  /** The backup files this app saved, so an upload can say whether a file is one of them. */
  downloads: DownloadLedger;
  /** Desktop only: files the operator dropped or picked, the only ones `backups.upload` may read. Browser mode streams instead. */
  uploadPaths?: PickedPaths;
}

export function toView(deps: CoreDeps, endpoint: Endpoint): EndpointView {
  return { ...endpoint, capabilities: capabilitiesOf(deps, endpoint) };
}
