import { datastoreOfVersion, datastores, versionsOf, type DatastoreEntry, type DatastoreVersionEntry, type FlavorEntry } from './catalog';
import { currentStep, troveTime } from './timeline';
import type { BackupRecord, BackupStrategyRecord, InstanceRecord, InstanceStatus, TroveBackup, TroveBackupStrategy, TroveFlavor, TroveInstance, TroveLink } from './types';

/** Where a request came from: links in Trove's views carry the host, the version and the caller's project. */
export interface ViewContext {
  /** e.g. http://127.0.0.1:PORT/database */
  serviceUrl: string;
  projectId: string;
  isAdmin: boolean;
}

/** trove/common/views.py create_links (the real one forces https; the simulator keeps its own scheme). */
export function resourceLinks(ctx: ViewContext, resourcePath: string, id: string): TroveLink[] {
  return [
    { href: `${ctx.serviceUrl}/v1.0/${ctx.projectId}/${resourcePath}/${id}`, rel: 'self' },
    { href: `${ctx.serviceUrl}/${resourcePath}/${id}`, rel: 'bookmark' },
  ];
}

export function backupLocation(record: BackupRecord): string {
  const container = record.swiftContainer ?? 'database_backups';
  return `http://127.0.0.1:8080/v1/AUTH_${record.projectId}/${container}/${record.id}.xbstream.gz.enc`;
}

/** trove/backup/views.py BackupView: size and locationRef only once the guest reported them (COMPLETED). */
export function backupView(record: BackupRecord, now: number): TroveBackup {
  const step = currentStep(record.steps, now);
  const done = step.status === 'COMPLETED';
  const { datastore, version } = datastoreOfVersion(record.datastoreVersionId);
  return {
    id: record.id,
    name: record.name,
    description: record.description,
    locationRef: done ? backupLocation(record) : null,
    instance_id: record.instanceId,
    created: troveTime(record.createdAt),
    updated: troveTime(step.at),
    size: done ? record.finalSizeGb : null,
    status: step.status,
    parent_id: record.parentId,
    project_id: record.projectId,
    datastore: { type: datastore.name, version: version.name, version_id: version.id },
  };
}

/** InstanceView (list) or InstanceDetailView (show, create). */
export function instanceView(ctx: ViewContext, record: InstanceRecord, status: InstanceStatus, now: number, detail: boolean): TroveInstance {
  const { datastore, version } = datastoreOfVersion(record.datastoreVersionId);
  const step = currentStep(record.steps, now);
  const view: TroveInstance = {
    id: record.id,
    name: record.name,
    status,
    operating_status: status === 'BUILD' || status === 'ERROR' ? '' : 'HEALTHY',
    links: resourceLinks(ctx, 'instances', record.id),
    flavor: { id: record.flavorId, links: resourceLinks(ctx, 'flavors', record.flavorId) },
    datastore: { type: datastore.name, version: version.name },
    region: record.region,
    // New instances record their access settings; Trove shows them as given (private unless asked otherwise).
    access: { is_public: false },
    volume: { size: record.volumeSizeGb },
  };
  if (ctx.isAdmin) view.tenant_id = record.projectId;
  if (status !== 'BUILD' && record.ips.length > 0) {
    view.ip = [...record.ips];
    view.addresses = record.ips.map((address) => ({ address, type: 'private', network: 'private' }));
  }
  if (!detail) return view;
  view.created = troveTime(record.createdAt);
  view.updated = troveTime(step.at);
  view.service_status_updated = troveTime(Math.max(step.at, now - 30_000));
  view.datastore.version_number = version.version;
  if (status !== 'BUILD' && status !== 'ERROR') view.volume.used = record.volumeUsedGb;
  return view;
}

/** trove/flavor/views.py: a numeric Nova id shows as a number, any other only as str_id. */
export function flavorView(ctx: ViewContext, flavor: FlavorEntry): TroveFlavor {
  const numeric = /^[1-9][0-9]*$/.test(flavor.id);
  return {
    id: numeric ? Number(flavor.id) : null,
    links: resourceLinks(ctx, 'flavors', flavor.id),
    name: flavor.name,
    ram: flavor.ram,
    vcpus: flavor.vcpus,
    disk: flavor.disk,
    ephemeral: flavor.ephemeral,
    str_id: flavor.id,
  };
}

export function datastoreVersionView(ctx: ViewContext, version: DatastoreVersionEntry, includeDatastoreId: boolean) {
  return {
    id: version.id,
    name: version.name,
    version: version.version,
    links: resourceLinks(ctx, 'datastores/versions', version.id),
    ...(includeDatastoreId ? { datastore: version.datastoreId } : {}),
  };
}

export function datastoreView(ctx: ViewContext, datastore: DatastoreEntry) {
  return {
    id: datastore.id,
    name: datastore.name,
    links: resourceLinks(ctx, 'datastores', datastore.id),
    versions: versionsOf(datastore.id).map((v) => datastoreVersionView(ctx, v, false)),
    default_version: datastore.defaultVersionId,
  };
}

export const datastoresView = (ctx: ViewContext) => ({ datastores: datastores.map((d) => datastoreView(ctx, d)) });

export function strategyView(record: BackupStrategyRecord): TroveBackupStrategy {
  return { project_id: record.projectId, instance_id: record.instanceId, backend: record.backend, swift_container: record.swiftContainer };
}
