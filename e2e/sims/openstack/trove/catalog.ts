/** What the cloud offers, the same for every project: flavors (from Nova) and datastores with their versions. */

export interface FlavorEntry {
  /** Nova flavor id: numeric ids show as numbers in Trove's view, others only as str_id. */
  id: string;
  name: string;
  ram: number;
  vcpus: number;
  disk: number;
  ephemeral: number;
}

export interface DatastoreVersionEntry {
  id: string;
  datastoreId: string;
  name: string;
  version: string;
}

export interface DatastoreEntry {
  id: string;
  name: string;
  defaultVersionId: string;
  /** trove.conf `[<manager>] backup_strategy`: without one, backup create answers 501. */
  hasBackupStrategy: boolean;
}

export const flavors: FlavorEntry[] = [
  { id: '2', name: 'ds2G', ram: 2048, vcpus: 1, disk: 10, ephemeral: 0 },
  { id: '3', name: 'ds4G', ram: 4096, vcpus: 2, disk: 20, ephemeral: 0 },
  { id: '3ca76fe7-8dc1-4059-b728-de725835abcb', name: 'd2.medium', ram: 8192, vcpus: 4, disk: 40, ephemeral: 0 },
];

export const datastores: DatastoreEntry[] = [
  { id: '75a2ba06-3c3f-4bd9-9a1f-0e5f22a2e1a1', name: 'mysql', defaultVersionId: 'c1f3a9d4-6e0b-4b8e-9f2a-8d7c6b5a4f01', hasBackupStrategy: true },
  { id: 'e5c4d0a1-7b9f-4c6e-8a2d-1f3b5c7d9e02', name: 'postgresql', defaultVersionId: 'a7e2c5b8-3d1f-4e9a-b6c4-2d8f0e1a3b03', hasBackupStrategy: true },
];

export const datastoreVersions: DatastoreVersionEntry[] = [
  // The id of the published instance-backup-list sample's mysql 5.7.
  { id: 'b3d5c099-dbd5-4518-baa3-7c7c195671bf', datastoreId: datastores[0].id, name: '5.7', version: '5.7.29' },
  { id: 'c1f3a9d4-6e0b-4b8e-9f2a-8d7c6b5a4f01', datastoreId: datastores[0].id, name: '8.0', version: '8.0.36' },
  { id: 'a7e2c5b8-3d1f-4e9a-b6c4-2d8f0e1a3b03', datastoreId: datastores[1].id, name: '12', version: '12.11' },
];

export const defaultDatastoreName = 'mysql';

export function findFlavor(ref: string): FlavorEntry | undefined {
  return flavors.find((f) => f.id === ref);
}

/** Datastore.load accepts a name or an id. */
export function findDatastore(ref: string): DatastoreEntry | undefined {
  return datastores.find((d) => d.id === ref || d.name === ref);
}

export function versionById(id: string): DatastoreVersionEntry | undefined {
  return datastoreVersions.find((v) => v.id === id);
}

export function versionsOf(datastoreId: string): DatastoreVersionEntry[] {
  return datastoreVersions.filter((v) => v.datastoreId === datastoreId);
}

/** A version by name or id within one datastore. */
export function findVersion(datastore: DatastoreEntry, ref: string): DatastoreVersionEntry | undefined {
  return versionsOf(datastore.id).find((v) => v.id === ref || v.name === ref);
}

export function datastoreOfVersion(versionId: string): { datastore: DatastoreEntry; version: DatastoreVersionEntry } {
  const version = versionById(versionId);
  const datastore = version && datastores.find((d) => d.id === version.datastoreId);
  if (!version || !datastore) throw new Error(`Unknown datastore version ${versionId}`);
  return { datastore, version };
}
