import type { Resource, ResourceType } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { gibToBytes, reportedGib } from '../openstack/normalise';
import type { TroveApi } from './api';
import type { WireDatastore, WireFlavor, WireInstance } from './wire-schemas';

/** A database instance to back up: its volume size, datastore and flavor. */
export function instanceResource(i: WireInstance): Resource {
  const resource: Resource = {
    id: i.id,
    status: i.status,
    details: {
      datastore: i.datastore?.type ?? null,
      version: i.datastore?.version ?? null,
      flavor: i.flavor?.id === undefined || i.flavor.id === null ? null : String(i.flavor.id),
    },
  };
  if (i.name) resource.name = i.name;
  if (i.operating_status) resource.details.operating_status = i.operating_status;
  if (i.region) resource.details.region = i.region;
  if (typeof i.volume?.size === 'number') {
    resource.sizeBytes = gibToBytes(i.volume.size);
    resource.sizeReported = reportedGib(i.volume.size);
  }
  return resource;
}

/** A flavor for the restored instance; the id is what `flavorRef` takes (Trove's `str_id`, as ids need not be integers). */
export function flavorResource(f: WireFlavor): Resource | undefined {
  const id = f.str_id ?? (f.id === undefined || f.id === null ? undefined : String(f.id));
  if (!id) return undefined;
  const details: Resource['details'] = {};
  if (typeof f.vcpus === 'number') details.vcpus = f.vcpus;
  if (typeof f.ram === 'number') details.ram_mb = f.ram;
  if (typeof f.disk === 'number') details.disk_gb = f.disk;
  if (typeof f.ephemeral === 'number') details.ephemeral_gb = f.ephemeral;
  return f.name ? { id, name: f.name, details } : { id, details };
}

/**
 * One Resource per datastore VERSION (what a new instance needs): id = the version id, name =
 * "mysql 5.7", details.datastore / details.version = the names the restore options
 * `datastore` / `datastore_version` take. A datastore without versions offers nothing to pick.
 */
export function datastoreResources(d: WireDatastore): Resource[] {
  return d.versions.map((v) => {
    const details: Resource['details'] = { datastore: d.name, datastore_id: d.id, version: v.name, default: v.id === d.default_version };
    if (v.version) details.version_number = v.version;
    if (v.active !== undefined && v.active !== null) details.active = Boolean(v.active);
    return { id: v.id, name: `${d.name} ${v.name}`, details };
  });
}

export async function listResources(api: TroveApi, type: ResourceType): Promise<Resource[]> {
  switch (type) {
    case 'instances':
      return (await api.listInstances()).map(instanceResource);
    case 'flavors':
      return (await api.listFlavors()).flatMap((f) => flavorResource(f) ?? []);
    case 'datastores':
      return (await api.listDatastores()).flatMap(datastoreResources);
    default:
      throw new AppError('unsupported', `Trove has no ${type} to list.`, 'Trove lists instances, flavors and datastores.');
  }
}
