/*
 * State ownership in the renderer:
 * - Server data (endpoints, backups, jobs, kinds, vault status, app info) lives in TanStack Query
 *   only (keys in queries/keys.ts), refreshed by events pushed from main. Never copy it here.
 * - UI-only state shared by distant components (selection, open dialog, sort/filter,
 *   dismissed banners) lives in this one zustand store. It holds ids, not copies of records.
 * - Form state stays local to the form component.
 */
import { create } from 'zustand';
import { withListFilter, type ListFilterValues } from '../lib/list-filters';

export type BackupSortColumn = 'createdAt' | 'sizeBytes';
export type SortDirection = 'asc' | 'desc';

export type OpenDialog =
  | { type: 'endpoint-form'; endpointId?: string }
  | { type: 'import-endpoints' }
  | { type: 'remove-endpoint'; endpointId: string }
  | { type: 'backup-asset'; endpointId: string }
  /** `presetDownload`: open with "save it on this computer" ticked (the factory-reset dialog's safety backup). */
  | { type: 'create-backup'; endpointId: string; presetDownload?: boolean }
  /** A file dropped or picked for upload; the handle stays here only while its dialog is open. */
  | { type: 'upload'; endpointId: string; file: File }
  | { type: 'factory-reset'; endpointId: string }
  | { type: 'import-record'; endpointId: string }
  | { type: 'restore'; endpointId: string; backupId: string }
  | { type: 'delete'; endpointId: string; backupId: string }
  | { type: 'download'; endpointId: string; backupId: string };

export interface UiState {
  selectedEndpointId: string | null;
  selectedBackupId: string | null;
  dialog: OpenDialog | null;
  backupSort: { column: BackupSortColumn; direction: SortDirection };
  backupFilter: string;
  /** Server-side list filters (the kind's listFilters) per endpoint id; kept when switching endpoints. */
  backupListFilters: Readonly<Record<string, ListFilterValues>>;
  /** The vault warning text the operator dismissed (a different warning shows again). */
  dismissedVaultWarning: string | null;

  selectEndpoint(endpointId: string | null): void;
  selectBackup(backupId: string | null): void;
  openDialog(dialog: OpenDialog): void;
  closeDialog(): void;
  toggleBackupSort(column: BackupSortColumn): void;
  setBackupFilter(filter: string): void;
  setBackupListFilter(endpointId: string, name: string, value: string): void;
  clearBackupListFilters(endpointId: string): void;
  dismissVaultWarning(warning: string): void;
}

export const useUiStore = create<UiState>()((set) => ({
  selectedEndpointId: null,
  selectedBackupId: null,
  dialog: null,
  backupSort: { column: 'createdAt', direction: 'desc' },
  backupFilter: '',
  backupListFilters: {},
  dismissedVaultWarning: null,

  selectEndpoint: (endpointId) =>
    set((state) =>
      state.selectedEndpointId === endpointId ? state : { selectedEndpointId: endpointId, selectedBackupId: null, backupFilter: '' },
    ),
  selectBackup: (backupId) => set({ selectedBackupId: backupId }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  toggleBackupSort: (column) =>
    set(({ backupSort }) => ({
      backupSort:
        backupSort.column === column
          ? { column, direction: backupSort.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: 'desc' },
    })),
  setBackupFilter: (backupFilter) => set({ backupFilter }),
  setBackupListFilter: (endpointId, name, value) =>
    set(({ backupListFilters }) => ({
      backupListFilters: { ...backupListFilters, [endpointId]: withListFilter(backupListFilters[endpointId], name, value) },
    })),
  clearBackupListFilters: (endpointId) =>
    set(({ backupListFilters }) => {
      const { [endpointId]: _cleared, ...rest } = backupListFilters;
      return { backupListFilters: rest };
    }),
  dismissVaultWarning: (warning) => set({ dismissedVaultWarning: warning }),
}));
