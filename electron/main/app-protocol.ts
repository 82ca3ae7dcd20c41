import { protocol } from 'electron';
import { APP_SCHEME, respondFromFolder } from './app-files';

/**
 * Keyhaven's page is served from `app://keyhaven/`, not `file://` (Electron's security checklist):
 * a file: page shares its origin with every file on the disk, cannot receive response headers (so the
 * CSP could only be a <meta> tag), and would need the GrantFileProtocolExtraPrivileges fuse. The scheme
 * is standard (a real origin, relative URLs) and secure (like https), and serves only the built
 * renderer folder (app-files.ts).
 */

/**
 * Before `ready`: Electron accepts scheme privileges only then, and only once for all schemes.
 * corsEnabled: Vite marks the page's module script `crossorigin`, so Chromium fetches it in CORS mode,
 * which it does only for CORS-enabled schemes. Other origins still cannot read app:// answers: they
 * never carry Access-Control-Allow-Origin, and Cross-Origin-Resource-Policy is same-origin.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true };

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/** After `ready`: answer app:// requests of the default session from `rendererDir`. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondFromFolder(request.method, request.url, rendererDir));
}
