import type { Capabilities, Capability, Endpoint, KindInfo } from '../../../shared/domain';
import type { EndpointMemo } from '../../core/endpoint-memo';
import { knownFacts, parseVersion, versionAtLeast, type ControllerFacts } from './controller-facts';
import { jujuSecretFields, jujuSettingFields } from './settings';

/** The out-of-band restore of Juju 2.9.20+ and 3.x (github.com/juju/juju-restore), run on the primary controller machine. */
export const outOfBandRestore =
  'copy the downloaded backup file and the juju-restore binary to the primary controller machine (for example `juju scp -m controller <file> 0:`), then run `./juju-restore <file>` there (`juju ssh -m controller 0`); it reads the database credentials from the machine agent\'s agent.conf.';

export const jujuKindInfo: KindInfo = {
  kind: 'juju',
  label: 'Juju controller',
  description: "Backups of a Juju controller's state (its database and agent files), made through the controller's API.",
  urlPlaceholder: 'https://10.0.0.5:17070 (an api-endpoints address from juju show-controller)',
  urlOptional: false,
  secretFields: jujuSecretFields,
  settingFields: jujuSettingFields,
  listFilters: [],
  hasCreateOptions: true,
  configFileLabel: 'juju show-controller --show-password output (YAML)',
  configEntryNoun: 'controller',
  downloadNote:
    'On Juju 2.9.33 and later (3.x included) the controller DELETES its copy after one complete download and cannot list it again: keep the downloaded file safe. Juju 2.x keeps backups it stored.',
  hasRestoreOptions: false,
  restoreWarning:
    "Restoring REPLACES THE CONTROLLER'S WHOLE STATE (every model, application, user and credential) with the backup's, and restarts its API server. Anything changed since the backup was made is lost.",
  cancelCreateNote:
    'A Juju backup cannot be cancelled here, download included: Juju has no way to stop a backup once asked, and the controller finishes it whatever happens here.',
  cancelRestoreNote: 'Juju cannot stop a restore once it started.',
};

const enabled: Capability = { enabled: true };
const notConnected: Capability = { enabled: false, reason: 'Not connected yet: test the connection or list the backups first, so Backup Console knows which Juju version this controller runs.' };
const no = (reason: string): Capability => ({ enabled: false, reason });

function superuserOnly(facts: ControllerFacts, capability: Capability): Capability {
  if (!capability.enabled || facts.controllerAccess === undefined || facts.controllerAccess === 'superuser') return capability;
  return no(`Juju backups need a controller superuser, and this user has "${facts.controllerAccess}" access: run \`juju grant <user> superuser\` or sign in as admin.`);
}

/** API restore (PrepareRestore/Restore/FinishRestore) exists up to Juju 2.9.19 (Backups facade 1 and 2). */
export function apiRestoreAvailable(facts: ControllerFacts): boolean {
  return facts.backupsVersion >= 1 && facts.backupsVersion <= 2 && !versionAtLeast(parseVersion(facts.serverVersion), 2, 9, 20);
}

/** Backups stored in the controller database (List, Info, Remove) exist only with facades 1 and 2. */
export function storedBackupsAvailable(facts: ControllerFacts): boolean {
  return facts.backupsVersion === 1 || facts.backupsVersion === 2;
}

function restoreCapability(facts: ControllerFacts): Capability {
  if (apiRestoreAvailable(facts)) return enabled;
  const v = parseVersion(facts.serverVersion);
  const era = v.major >= 3 ? `Juju ${v.major}.x` : `Juju ${facts.serverVersion}`;
  return no(`${era} restores are done out of band with juju-restore on the controller machine, not over the API: ${outOfBandRestore}`);
}

function downloadCapability(facts: ControllerFacts): Capability {
  if (parseVersion(facts.serverVersion).major >= 4) {
    return no(`Juju ${facts.serverVersion} does not serve backup downloads over its API yet; run \`juju create-backup\` with a Juju ${facts.serverVersion} client, which saves the file where it runs.`);
  }
  return enabled;
}

/** What the controller offers, from the facade versions and the server version the last login showed. */
export function jujuCapabilities(_endpoint: Endpoint, memo: EndpointMemo): Capabilities {
  const facts = knownFacts(memo);
  const fixed = {
    cancelCreate: no('Juju cannot stop a backup once it started; the controller finishes it whatever happens here.'),
    cancelRestore: no('Juju cannot stop a restore once it started.'),
    backupAsset: no('Juju backs up the whole controller, not single models or items.'),
    exportRecord: no('Juju has no backup records to export; download the backup file instead.'),
    importRecord: no('Juju 2.x could upload a backup for restore only through its own client; Backup Console does not upload.'),
    upload: no('Juju 2.x could upload a backup for restore only through its own client; Backup Console does not upload to Juju.'),
    factoryReset: no('A Juju controller has no factory reset; destroy and bootstrap it with the juju client.'),
  };
  if (!facts) return { ...fixed, create: notConnected, restore: notConnected, delete: notConnected, download: notConnected };
  if (facts.backupsVersion === 0) {
    const none = no(`This controller (Juju ${facts.serverVersion}) offers no Backups facade this app speaks (Kubernetes controllers have none).`);
    return { ...fixed, create: none, restore: none, delete: none, download: none };
  }
  return {
    ...fixed,
    create: superuserOnly(facts, enabled),
    restore: superuserOnly(facts, restoreCapability(facts)),
    delete: superuserOnly(facts, storedBackupsAvailable(facts) ? enabled : no(`Juju ${facts.serverVersion} keeps no backups in the controller: each one lives on disk only until it is downloaded, which deletes it.`)),
    download: superuserOnly(facts, downloadCapability(facts)),
  };
}
