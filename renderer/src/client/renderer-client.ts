import type { BackupConsoleClient } from '../../../shared/contract';
import type { Job } from '../../../shared/domain';

/** Everything an upload carries besides the file (the contract's `uploadRequestSchema`). */
export interface UploadRequest {
  endpointId: string;
  /** The operator accepted the warnings `backups.inspectUpload` gave (a file this app did not download). */
  warningsAccepted: boolean;
  /** The oldest backup to delete first when the endpoint is at its backup limit; `confirmation` is the id as typed. */
  deleteFirst?: { backupId: string; confirmation: string };
}

/**
 * State of the live event feed. IPC is always `open`; browser mode reconnects
 * (`reconnecting`) and gives up only when the host refuses the token (`unauthorized`).
 */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'unauthorized';

/** The contract's client plus what the UI needs to know about the transport underneath. */
export interface RendererClient extends BackupConsoleClient {
  readonly host: 'electron' | 'web';
  /** Fires after the event feed came back from an interruption: events may have been missed. */
  onReconnect(listener: () => void): () => void;
  getConnectionStatus(): ConnectionStatus;
  onConnectionStatus(listener: (status: ConnectionStatus) => void): () => void;
  /**
   * Sends a file the operator dropped or picked. Desktop: main opens it by its path (`backups.upload`).
   * Browser mode: the bytes stream to the web host's `POST /api/upload`. Resolves with the upload
   * job: at once on the desktop, once the host has read the whole file in browser mode. Progress
   * arrives as `job.updated` events either way.
   */
  uploadFile(request: UploadRequest, file: File): Promise<Job>;
  /** The file's path on this computer (desktop only), so main can check it before anything is sent. */
  pathOf(file: File): string | undefined;
}
