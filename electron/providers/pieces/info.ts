import type { Capabilities, KindInfo } from '../../../shared/domain';

export const piecesKindInfo: KindInfo = {
  kind: 'pieces',
  label: 'Pieces OS',
  description: 'Cloud backups of the local Pieces OS database (snippets and their context), through the Pieces OS API on this computer.',
  urlPlaceholder: 'http://127.0.0.1:39300 (leave empty to find it)',
  urlOptional: true,
  secretFields: [],
  settingFields: [],
  listFilters: [],
  hasCreateOptions: false,
  configEntryNoun: 'entry',
  hasRestoreOptions: false,
  restoreWarning:
    'Restoring REPLACES the local Pieces database with this cloud backup. Nothing is merged: local snippets that are not in the backup are lost.',
  cancelRestoreNote: 'Cancelling puts the original database back.',
  cancelCreateNote: 'Cancelling stops the upload; no partial backup is kept.',
};

const enabled = { enabled: true };

export const piecesCapabilities: Capabilities = {
  create: enabled,
  cancelCreate: enabled,
  restore: enabled,
  cancelRestore: enabled,
  delete: enabled,
  backupAsset: enabled,
  exportRecord: { enabled: false, reason: 'Pieces OS has no backup records to export.' },
  importRecord: { enabled: false, reason: 'Pieces OS has no backup records to import.' },
  download: { enabled: false, reason: 'Pieces OS keeps its backups in Pieces cloud and offers no download.' },
  upload: { enabled: false, reason: 'Pieces OS takes no backup files: its backups live in Pieces cloud.' },
  factoryReset: { enabled: false, reason: 'Pieces OS has no factory reset over its API.' },
};
