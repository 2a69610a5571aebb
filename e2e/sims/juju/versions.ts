import type { JujuVersion } from './types';

export interface FacadeVersions {
  name: string;
  versions: number[];
}

export interface VersionProfile {
  version: JujuVersion;
  major: number;
  minor: number;
  /** Backups facade versions the apiserver registers. */
  backupsVersions: number[];
  /** Backups methods of the newest version (older registered versions have the same set here). */
  backupsMethods: string[];
  /** The login result's `facades` for a user connection (client facades; agent-only ones left out). */
  facades: FacadeVersions[];
  /** Backup metadata carries `series` (2.x) or `base` (3.x), and on 2.x the CA cert and key. */
  osField: { key: 'series' | 'base'; value: string };
  withCaInMetadata: boolean;
  /** RPC error frames carry `error-info` (added in the 2.9 era). */
  errorInfo: boolean;
  /** Minimum client version by client major for an older-major client (upgradevalidation.MinClientVersions). */
  minOlderClient?: string;
  /** Minimum server version accepting a newer-major client with minor 0. */
  minServerForNewerClient?: string;
  cloud: string;
}

// Client facades as the apiserver of that release registers them. Backups, Admin and Pinger are
// confirmed from the published schemas; the others are the releases' client facades with their
// newest versions and matter only to clients that pick facades from the login result.
const facades28: FacadeVersions[] = [
  { name: 'Action', versions: [2, 3, 4, 5, 6] },
  { name: 'Admin', versions: [3] },
  { name: 'AllModelWatcher', versions: [2] },
  { name: 'AllWatcher', versions: [1] },
  { name: 'Annotations', versions: [2] },
  { name: 'Application', versions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
  { name: 'ApplicationOffers', versions: [1, 2] },
  { name: 'Backups', versions: [1, 2] },
  { name: 'Block', versions: [2] },
  { name: 'Bundle', versions: [1, 2, 3, 4] },
  { name: 'Charms', versions: [2] },
  { name: 'Client', versions: [1, 2] },
  { name: 'Cloud', versions: [1, 2, 3, 4, 5, 6, 7] },
  { name: 'Controller', versions: [3, 4, 5, 6, 7, 8, 9] },
  { name: 'CredentialManager', versions: [1] },
  { name: 'FirewallRules', versions: [1] },
  { name: 'HighAvailability', versions: [2] },
  { name: 'ImageManager', versions: [2] },
  { name: 'ImageMetadataManager', versions: [1] },
  { name: 'KeyManager', versions: [1] },
  { name: 'MachineManager', versions: [2, 3, 4, 5, 6] },
  { name: 'MetricsDebug', versions: [2] },
  { name: 'ModelConfig', versions: [1, 2] },
  { name: 'ModelGeneration', versions: [1, 2, 3, 4] },
  { name: 'ModelManager', versions: [2, 3, 4, 5, 6, 7, 8] },
  { name: 'Payloads', versions: [1] },
  { name: 'Pinger', versions: [1] },
  { name: 'Resources', versions: [1] },
  { name: 'SSHClient', versions: [1, 2] },
  { name: 'Spaces', versions: [2, 3, 4, 5, 6] },
  { name: 'Storage', versions: [3, 4, 5, 6] },
  { name: 'Subnets', versions: [2, 3] },
  { name: 'UserManager', versions: [1, 2] },
];

const facades36: FacadeVersions[] = [
  { name: 'Action', versions: [7] },
  { name: 'Admin', versions: [3] },
  { name: 'AllModelWatcher', versions: [4] },
  { name: 'AllWatcher', versions: [3] },
  { name: 'Annotations', versions: [2] },
  { name: 'Application', versions: [19, 20] },
  { name: 'ApplicationOffers', versions: [4, 5] },
  { name: 'Backups', versions: [3] },
  { name: 'Block', versions: [2] },
  { name: 'Bundle', versions: [6, 7, 8] },
  { name: 'CharmHub', versions: [1] },
  { name: 'Charms', versions: [5, 6, 7] },
  { name: 'Client', versions: [6, 7, 8] },
  { name: 'Cloud', versions: [7] },
  { name: 'Controller', versions: [11, 12] },
  { name: 'CredentialManager', versions: [1] },
  { name: 'FirewallRules', versions: [1] },
  { name: 'HighAvailability', versions: [2] },
  { name: 'ImageMetadataManager', versions: [1] },
  { name: 'KeyManager', versions: [1] },
  { name: 'MachineManager', versions: [10, 11] },
  { name: 'ModelConfig', versions: [3] },
  { name: 'ModelGeneration', versions: [4] },
  { name: 'ModelManager', versions: [9, 10] },
  { name: 'ModelUpgrader', versions: [1] },
  { name: 'Pinger', versions: [1] },
  { name: 'Resources', versions: [3] },
  { name: 'SSHClient', versions: [4, 5] },
  { name: 'SecretBackends', versions: [1] },
  { name: 'Secrets', versions: [1, 2] },
  { name: 'Spaces', versions: [6] },
  { name: 'Storage', versions: [6] },
  { name: 'Subnets', versions: [5] },
  { name: 'UserManager', versions: [3] },
];

const fullBackups = ['Create', 'Info', 'List', 'Remove', 'PrepareRestore', 'Restore', 'FinishRestore'];

export const versionProfiles: Record<JujuVersion, VersionProfile> = {
  '2.8.10': {
    version: '2.8.10',
    major: 2,
    minor: 8,
    backupsVersions: [1, 2],
    backupsMethods: fullBackups,
    facades: facades28,
    osField: { key: 'series', value: 'focal' },
    withCaInMetadata: true,
    errorInfo: false,
    cloud: 'localhost',
  },
  '3.6.14': {
    version: '3.6.14',
    major: 3,
    minor: 6,
    backupsVersions: [3],
    backupsMethods: ['Create'],
    facades: facades36,
    osField: { key: 'base', value: 'ubuntu@22.04' },
    withCaInMetadata: false,
    errorInfo: true,
    minOlderClient: '2.9.42',
    minServerForNewerClient: '3.6.0',
    cloud: 'localhost',
  },
};

export function facadeVersions(profile: VersionProfile, name: string): number[] | undefined {
  return profile.facades.find((f) => f.name === name)?.versions;
}
