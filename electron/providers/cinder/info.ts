import type { Capabilities, Capability, Endpoint, KindInfo } from '../../../shared/domain';
import type { EndpointMemo } from '../../core/endpoint-memo';
import { isAdmin } from '../openstack/roles';
import { openStackSecretFields, openStackSettingFields } from '../openstack/settings';

const statuses = ['available', 'creating', 'restoring', 'deleting', 'error', 'error_deleting'];

export const cinderKindInfo: KindInfo = {
  kind: 'cinder',
  label: 'OpenStack Cinder',
  description: 'Block-storage volume backups in an OpenStack cloud (Cinder v3), signed in through Keystone.',
  urlPlaceholder: 'https://cloud.example.com:5000/v3 (the Keystone auth URL)',
  urlOptional: false,
  secretFields: openStackSecretFields,
  settingFields: openStackSettingFields,
  listFilters: [
    { name: 'status', label: 'Status', options: statuses.map((value) => ({ value, label: value })) },
    { name: 'name', label: 'Name' },
    { name: 'volume_id', label: 'Volume ID' },
  ],
  hasCreateOptions: true,
  configFileLabel: 'clouds.yaml',
  configEntryNoun: 'cloud',
  dependentsOnDelete: 'refused',
  hasRestoreOptions: true,
  restoreWarning: 'Restoring to an existing volume OVERWRITES ALL ITS DATA with the backup. Restoring to a new volume changes nothing else.',
  cancelCreateNote:
    'Cancelling force-deletes the partial backup (cloud admins only). It works only with chunked backup drivers (Swift, NFS, Posix, GCS, GlusterFS — not Ceph, which refuses). No backup is kept, and the source volume may show backing-up for a few minutes.',
  cancelRestoreNote:
    "Cancelling (cloud admins only) resets the backup's status, and Cinder stops at the next chunk. It works only with chunked backup drivers (Swift, NFS, Posix, GCS, GlusterFS — not Ceph, which writes to the end). A stopped restore leaves the target volume partly written, in error: delete it or restore again.",
};

const enabled: Capability = { enabled: true };

function adminOnly(admin: boolean | undefined, what: string): Capability {
  if (admin === true) return enabled;
  if (admin === undefined) return { enabled: false, reason: `Not signed in yet: test the connection or list the backups first, so Backup Console knows whether you may ${what}.` };
  return { enabled: false, reason: `Only cloud admins can ${what}; sign in as an admin.` };
}

/** Create, restore and delete are project-member calls; the rest is admin-only policy in Cinder. */
export function cinderCapabilities(_endpoint: Endpoint, memo: EndpointMemo): Capabilities {
  const admin = isAdmin(memo);
  return {
    create: enabled,
    cancelCreate: adminOnly(admin, 'cancel a running backup (force-delete)'),
    restore: enabled,
    cancelRestore: adminOnly(admin, "cancel a running restore (reset the backup's status)"),
    delete: enabled,
    backupAsset: { enabled: false, reason: 'Cinder backs up whole volumes.' },
    exportRecord: adminOnly(admin, 'export backup records'),
    importRecord: adminOnly(admin, 'import backup records'),
    download: { enabled: false, reason: "Cinder keeps backup data in the cloud's backup store (Swift, Ceph…); the API offers no download. Export the backup record to move a backup between clouds." },
    upload: { enabled: false, reason: 'Cinder takes no backup files; import a backup record instead.' },
    factoryReset: { enabled: false, reason: 'Cinder manages volumes, not a device that can be reset.' },
  };
}
