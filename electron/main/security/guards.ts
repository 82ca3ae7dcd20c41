import { app, session, shell, type WebContents } from 'electron';

export type IsAppUrl = (url: string) => boolean;

/**
 * Guards every web contents Electron creates (DESIGN §8): the page can navigate only within Keyhaven's
 * own page, opens no window (http(s) links go to the user's browser), and attaches no <webview>.
 * Installed before `ready`, so no web contents exists unguarded.
 */
export function installContentsGuards(isAppUrl: IsAppUrl): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, isAppUrl));
}

export function guardContents(contents: WebContents, isAppUrl: IsAppUrl): void {
  const denyForeign = (event: { url: string; preventDefault: () => void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', denyForeign);
  contents.on('will-redirect', denyForeign);
  contents.setWindowOpenHandler(({ url }) => {
    const external = httpsUrl(url);
    // Only https links leave the app, to the default browser: file:, javascript:, custom schemes and
    // plain http never do (http would send whatever the URL carries in clear).
    if (external) void shell.openExternal(external).catch(() => undefined);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The normalised URL when it is https, else null. */
export function httpsUrl(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Denies every permission (camera, notifications, geolocation, clipboard…). The page needs none:
 * copying a key happens in main (the clipboard guard clears it again), so not even a clipboard write
 * is granted to the renderer. Needs the session, so it runs once the app is ready.
 */
export function installPermissionGuards(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
