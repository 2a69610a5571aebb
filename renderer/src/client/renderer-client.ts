import type { BackupConsoleClient } from '../../../shared/contract';

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
}
