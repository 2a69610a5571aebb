import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPreloadBridge } from './preload-bridge';

// Sandboxed preload: bundled to one CommonJS file; `window.backupConsole` is all the page gets.
contextBridge.exposeInMainWorld('backupConsole', createPreloadBridge(ipcRenderer, webUtils));
