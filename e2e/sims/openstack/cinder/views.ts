import { mv, type Microversion } from './microversion';
import type { BackupRecord, SnapshotRecord, VolumeRecord } from './model';

export interface ViewContext {
  /** e.g. http://127.0.0.1:PORT/volume (or /internal/volume): links follow the URL the client used. */
  serviceUrl: string;
  /** The token's project: Cinder builds links from the context, not from the path. */
  projectId: string;
  version: Microversion;
  isAdmin: boolean;
  hasDependents(backupId: string): boolean;
}

export function links(ctx: ViewContext, collection: string, id: string) {
  return [
    { href: `${ctx.serviceUrl}/v3/${ctx.projectId}/${collection}/${id}`, rel: 'self' },
    { href: `${ctx.serviceUrl}/${ctx.projectId}/${collection}/${id}`, rel: 'bookmark' },
  ];
}

export function backupSummary(ctx: ViewContext, b: Pick<BackupRecord, 'id' | 'name'>) {
  return { id: b.id, links: links(ctx, 'backups', b.id), name: b.name };
}

/** cinder/api/views/backups.py detail view, with the fields each microversion adds. */
export function backupDetail(ctx: ViewContext, b: BackupRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {
    availability_zone: b.availabilityZone,
    container: b.container,
    created_at: b.createdAt,
    data_timestamp: b.dataTimestamp,
    description: b.description,
    fail_reason: b.failReason,
    has_dependent_backups: ctx.hasDependents(b.id),
    id: b.id,
    is_incremental: b.parentId !== null,
    links: links(ctx, 'backups', b.id),
    name: b.name,
    object_count: b.objectCount,
    size: b.size,
    snapshot_id: b.snapshotId,
    status: b.status,
    updated_at: b.updatedAt,
    volume_id: b.volumeId,
  };
  if (ctx.version >= mv.backupMetadata) view.metadata = { ...b.metadata };
  if (ctx.version >= mv.backupProjectAttr && ctx.isAdmin) view['os-backup-project-attr:project_id'] = b.projectId;
  if (ctx.version >= mv.backupUserId) view.user_id = b.userId;
  if (ctx.version >= mv.encryptionKeyId && b.encryptionKeyId) view.encryption_key_id = b.encryptionKeyId;
  return Object.fromEntries(Object.entries(view).sort(([a], [b2]) => a.localeCompare(b2)));
}

export function volumeSummary(ctx: ViewContext, v: VolumeRecord) {
  return { id: v.id, links: links(ctx, 'volumes', v.id), name: v.name };
}

export function volumeDetail(ctx: ViewContext, v: VolumeRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {
    attachments: v.attachments.map((a) => ({ ...a })),
    availability_zone: v.availabilityZone,
    // Cinder really sends bootable as the string "true"/"false".
    bootable: String(v.bootable),
    consistencygroup_id: null,
    created_at: v.createdAt,
    description: v.description,
    encrypted: v.encrypted,
    id: v.id,
    links: links(ctx, 'volumes', v.id),
    metadata: { ...v.metadata },
    migration_status: null,
    multiattach: v.multiattach,
    name: v.name,
    replication_status: null,
    size: v.size,
    snapshot_id: null,
    source_volid: null,
    status: v.status,
    updated_at: v.updatedAt,
    user_id: v.userId,
    volume_type: v.volumeType,
  };
  if (ctx.isAdmin) {
    view['os-vol-tenant-attr:tenant_id'] = v.projectId;
    view['os-vol-host-attr:host'] = 'devstack@lvmdriver-1#lvmdriver-1';
  }
  if (ctx.version >= 13) view.group_id = null;
  return view;
}

export function snapshotDetail(ctx: ViewContext, s: SnapshotRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {
    created_at: s.createdAt,
    description: s.description,
    id: s.id,
    metadata: { ...s.metadata },
    name: s.name,
    'os-extended-snapshot-attributes:progress': s.status === 'available' ? '100%' : '0%',
    'os-extended-snapshot-attributes:project_id': s.projectId,
    size: s.size,
    status: s.status,
    updated_at: s.updatedAt,
    volume_id: s.volumeId,
  };
  if (ctx.version >= 41) view.user_id = s.userId;
  return view;
}
