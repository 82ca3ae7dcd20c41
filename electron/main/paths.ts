import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the built pieces live, relative to this code once bundled into out/main/index.js:
 * out/preload/index.cjs and out/renderer/index.html (whose folder app:// serves). Absolute, because
 * Electron requires an absolute preload path and nothing may depend on the working directory.
 */
const mainDir = dirname(fileURLToPath(import.meta.url));

export const PRELOAD_PATH = resolve(mainDir, '../preload/index.cjs');
export const RENDERER_INDEX = resolve(mainDir, '../renderer/index.html');
/** The page's favicon, also the window icon on Linux (macOS and Windows take the bundle's icon). */
export const WINDOW_ICON = resolve(mainDir, '../renderer/icon.png');
