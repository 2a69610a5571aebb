import type { Capabilities, KindInfo } from '../../../shared/domain';
import { openStackSecretFields, openStackSettingFields } from '../openstack/settings';

export const troveKindInfo: KindInfo = {
  kind: 'trove',
  label: 'OpenStack Trove',
  description: 'Backups of OpenStack Trove database instances (Database as a Service), through the Trove v1.0 API and a Keystone sign-in.',
  urlPlaceholder: 'https://keystone.example.com:5000/v3 (the Keystone auth URL)',
  urlOptional: false,
  secretFields: openStackSecretFields,
  settingFields: openStackSettingFields,
  listFilters: [
    { name: 'instance_id', label: 'Instance ID' },
    { name: 'datastore', label: 'Datastore (name or ID, e.g. mysql)' },
  ],
  hasCreateOptions: true,
  configFileLabel: 'clouds.yaml',
  configEntryNoun: 'cloud',
  dependentsOnDelete: 'deleted-with-it',
  hasRestoreOptions: true,
  restoreWarning:
    'Restoring creates a NEW database instance from this backup. Nothing is overwritten: the original instance and its data stay as they are. The new instance uses your project quota (instances, volume gigabytes) until you delete it.',
  cancelRestoreNote: 'Trove has no way to cancel a running instance build; the new instance is built to the end.',
  cancelCreateNote: 'Trove has no way to cancel a running backup; it runs to the end.',
};

const enabled = { enabled: true };
const noCancel = { enabled: false, reason: 'Trove has no way to cancel a running backup/instance build' };
const cinderOnly = { enabled: false, reason: 'Trove has no backup record export or import (only Cinder has)' };

export const troveCapabilities: Capabilities = {
  create: enabled,
  cancelCreate: noCancel,
  restore: enabled,
  cancelRestore: noCancel,
  delete: enabled,
  backupAsset: { enabled: false, reason: 'Trove backs up whole database instances, not single items' },
  exportRecord: cinderOnly,
  importRecord: cinderOnly,
  download: { enabled: false, reason: "Trove keeps backup data in the cloud's object storage; its API offers no download" },
  upload: { enabled: false, reason: 'Trove takes no backup files over its API' },
  factoryReset: { enabled: false, reason: 'Trove manages database instances, not a device that can be reset' },
};
