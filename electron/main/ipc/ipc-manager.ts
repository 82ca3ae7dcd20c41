import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { dispatch } from '../../core/api/dispatch';
import type { Handlers } from '../../core/api/handlers';
import { CHANNELS } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/ipc/errors';
import { describeOrigin } from '../app-origin';

export interface IpcOptions {
  handlers: Handlers;
  /** The main window's web contents now (the window may be recreated, e.g. on macOS). */
  mainContents: () => WebContents | null;
  isAppUrl: (url: string) => boolean;
  log?: (line: string) => void;
}

/**
 * Registers one `ipcMain.handle` per contract channel, and nothing else: this is the only module that
 * imports ipcMain. Each request passes the sender check, then `dispatch` (schema validation, error
 * mapping, redacted logs). Returns the function that removes the handlers again.
 */
export function registerIpc({ handlers, mainContents, isAppUrl, log = console.error }: IpcOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown): Promise<Result<unknown>> => {
      const refusal = senderRefusal(event, mainContents(), isAppUrl);
      if (refusal !== null) {
        // The channel and the reason only: the payload of a foreign sender is not worth a log line.
        log(`[keyhaven] refused ${channel}: ${refusal}`);
        return Promise.resolve(forbidden());
      }
      return dispatch(handlers, channel, input, log);
    });
  }
  return unregisterIpc;
}

export function unregisterIpc(): void {
  for (const channel of CHANNELS) ipcMain.removeHandler(channel);
}

/**
 * Why a request must be refused, or null when it comes from Keyhaven's own page (as VS Code checks):
 * the sending frame still exists, is a top-level frame, lives in the main window, and shows our URL.
 * Sub-frames, other windows and navigated-away pages never reach a handler.
 */
export function senderRefusal(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  main: WebContents | null,
  isAppUrl: (url: string) => boolean,
): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'the sender is a sub-frame';
  if (main === null || event.sender !== main) return 'the sender is not the main window';
  if (!isAppUrl(frame.url)) return `the sender shows ${describeOrigin(frame.url)}, not Keyhaven's page`;
  return null;
}

function forbidden(): Result<never> {
  return {
    ok: false,
    error: { code: 'FORBIDDEN_SENDER', message: "This request did not come from Keyhaven's own window." },
  };
}
