import type { PreloadBridge } from '../../../shared/contract';
import { ClientError } from './client-error';
import { createIpcClient } from './ipc-client';
import type { RendererClient } from './renderer-client';
import { createWebClient } from './web-client';
import { takeWebToken } from './web-token';

function findPreloadBridge(): PreloadBridge | undefined {
  const candidate = (globalThis as { backupConsole?: Partial<PreloadBridge> }).backupConsole;
  if (candidate && typeof candidate.call === 'function' && typeof candidate.on === 'function') {
    return candidate as PreloadBridge;
  }
  return undefined;
}

/** Picks the transport once at start-up: Electron's preload bridge if present, else the browser-mode host. */
export function createClient(): RendererClient {
  const bridge = findPreloadBridge();
  if (bridge) return createIpcClient(bridge);

  const token = takeWebToken({ location: window.location, storage: window.sessionStorage, history: window.history });
  if (!token) {
    throw new ClientError({
      code: 'unauthorized',
      message: 'This page was opened without its access token.',
      hint: 'Open the full link the Backup Console host printed when it started (it ends in #token=…).',
    });
  }
  return createWebClient({ token });
}
