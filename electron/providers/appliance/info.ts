import type { Capabilities, Capability, KindInfo } from '../../../shared/domain';
import { applianceSecretFields, applianceSettingFields } from './settings';

export const applianceKindInfo: KindInfo = {
  kind: 'appliance',
  label: 'Network appliance (npm.backup 1.0)',
  description:
    'Configuration backups of a Riverbed-style network appliance (AppResponse, Portal) through its npm.backup 1.0 REST API: made, kept (two at most), downloaded, uploaded and restored on the box itself.',
  urlPlaceholder: 'https://appliance.example.com',
  urlOptional: false,
  secretFields: applianceSecretFields,
  settingFields: applianceSettingFields,
  listFilters: [],
  hasCreateOptions: true,
  configEntryNoun: 'entry',
  hasRestoreOptions: false,
  backupLimit: 2,
  uploadNote:
    'Takes a backup file (.tgz) downloaded from an appliance running the same software version; the appliance restores only backups of its own version. The upload counts toward its limit of two backups.',
  factoryResetConsequences: [
    'Wipes all configuration, logs and data on the appliance.',
    'Deletes every backup stored on the appliance: download the ones you need first.',
    'Sets the admin password back to the factory default.',
    'Makes a new self-signed certificate, which you accept again after checking its fingerprint on the appliance console.',
    'Reboots the appliance, which is unreachable for several minutes.',
  ],
  restoreWarning:
    "Restoring REPLACES THE APPLIANCE'S WHOLE CONFIGURATION with the backup's and REBOOTS it: it is unreachable for several minutes, and anything changed since the backup was made is lost. Only a backup made with the same software version can be restored.",
  cancelCreateNote: 'An appliance backup cannot be cancelled: npm.backup has no cancel, and the appliance finishes it whatever happens here. Delete it afterwards if you do not want it.',
  cancelRestoreNote: 'A restore cannot be cancelled: the appliance reboots to apply it, and npm.backup has no cancel.',
};

const enabled: Capability = { enabled: true };
const no = (reason: string): Capability => ({ enabled: false, reason });

/** Everything npm.backup 1.0 offers is there for any account allowed to use it; the appliance answers 403 otherwise. */
export function applianceCapabilities(): Capabilities {
  return {
    create: enabled,
    cancelCreate: no('npm.backup has no way to stop a backup once asked; the appliance finishes it. Delete it afterwards if you do not want it.'),
    restore: enabled,
    cancelRestore: no('A restore reboots the appliance to apply the backup; npm.backup has no way to stop it.'),
    delete: enabled,
    backupAsset: no('An appliance backs up its whole configuration, not single items.'),
    exportRecord: no('Appliance backups have no record to export; download the backup file instead.'),
    importRecord: no('Appliance backups have no records to import; upload a backup file instead.'),
    download: enabled,
    upload: enabled,
    factoryReset: enabled,
  };
}
