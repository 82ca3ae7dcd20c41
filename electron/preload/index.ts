import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/ipc/build-api';
import type { Result } from '../../shared/ipc/errors';

/**
 * The whole preload: `window.keyhaven` with exactly one method per contract channel and one
 * subscription per event. The page never gets ipcRenderer, a generic invoke or a generic `on`: it can
 * listen only to the event names of shared/ipc/events.ts, and receives only their payload. Built as
 * CommonJS and requiring only 'electron', as a sandboxed preload must (see electron.vite.config.ts).
 */
contextBridge.exposeInMainWorld(
  'keyhaven',
  buildApi(
    (channel, input): Promise<Result<unknown>> => ipcRenderer.invoke(channel, input),
    (event, listener) => {
      const forward = (_event: unknown, payload: unknown): void => listener(payload);
      ipcRenderer.on(event, forward);
      return () => void ipcRenderer.removeListener(event, forward);
    },
  ),
);
