import { z } from 'zod';

// Trove v1.0 views (trove/*/views.py), keys exactly as on the wire. Objects are loose: fields a
// newer server adds never fail parsing. Timestamps are zone-less UTC ("2014-10-30T12:30:00").

const text = z.string().nullish();

/** Pagination links: Trove adds `{"rel":"next"}` whenever a page came back full. */
export const linksSchema = z.array(z.looseObject({ rel: z.string().optional(), href: z.string() })).optional();

export const backupDatastoreSchema = z.looseObject({ type: text, version: text, version_id: text });

/** BackupView: `size` is a GB float (null until the guest reports it), `locationRef` null until saved. */
export const backupSchema = z.looseObject({
  id: z.string().min(1),
  name: text,
  description: text,
  locationRef: text,
  instance_id: text,
  created: z.string(),
  updated: text,
  size: z.number().nonnegative().nullish(),
  status: z.string(),
  parent_id: text,
  project_id: text,
  datastore: backupDatastoreSchema.nullish(),
});
export type WireBackup = z.infer<typeof backupSchema>;

export const backupEnvelopeSchema = z.looseObject({ backup: backupSchema });
export const backupListSchema = z.looseObject({ backups: z.array(backupSchema), links: linksSchema });

/** InstanceView / InstanceDetailView; `datastore.type`/`version` are null when the version is gone. */
export const instanceSchema = z.looseObject({
  id: z.string().min(1),
  name: text,
  status: z.string(),
  operating_status: text,
  datastore: z.looseObject({ type: text, version: text, version_number: text }).nullish(),
  flavor: z.looseObject({ id: z.union([z.string(), z.number()]).nullish() }).nullish(),
  volume: z.looseObject({ size: z.number().nullish(), used: z.number().nullish() }).nullish(),
  region: text,
  created: text,
  updated: text,
  fault: z.looseObject({ message: text, details: text, created: text }).nullish(),
});
export type WireInstance = z.infer<typeof instanceSchema>;

export const instanceEnvelopeSchema = z.looseObject({ instance: instanceSchema });
export const instanceListSchema = z.looseObject({ instances: z.array(instanceSchema), links: linksSchema });

/** FlavorView: `id` is an integer only when the Nova id is one; `str_id` always holds it. */
export const flavorSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).nullish(),
  str_id: z.string().optional(),
  name: text,
  ram: z.number().nullish(),
  vcpus: z.number().nullish(),
  disk: z.number().nullish(),
  ephemeral: z.number().nullish(),
});
export type WireFlavor = z.infer<typeof flavorSchema>;
export const flavorListSchema = z.looseObject({ flavors: z.array(flavorSchema) });

export const datastoreVersionSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  version: text,
  active: z.union([z.boolean(), z.number()]).nullish(),
});

/** DatastoreView: the versions are inlined, `default_version` is a version id. */
export const datastoreSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  default_version: text,
  versions: z.array(datastoreVersionSchema).default([]),
});
export type WireDatastore = z.infer<typeof datastoreSchema>;
export const datastoreListSchema = z.looseObject({ datastores: z.array(datastoreSchema) });

/** GET / on the Trove root: the API versions. */
export const versionsSchema = z.looseObject({
  versions: z.array(z.looseObject({ id: z.string(), status: z.string().optional(), updated: z.string().optional(), links: linksSchema })),
});
