import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/ipc/build-api';
import type { Result } from '../../shared/ipc/errors';

/**
 * The whole preload: `window.keyhaven` with exactly one method per contract channel. The page never
 * gets ipcRenderer nor a generic invoke; main validates every request anyway. Built as CommonJS and
 * requiring only 'electron', as a sandboxed preload must (see electron.vite.config.ts).
 */
contextBridge.exposeInMainWorld(
  'keyhaven',
  buildApi((channel, input): Promise<Result<unknown>> => ipcRenderer.invoke(channel, input)),
);
