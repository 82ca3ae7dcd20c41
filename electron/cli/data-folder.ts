import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** The product name Electron derives the app's folder from (package.json `productName`). */
export const PRODUCT_NAME = 'Keyhaven';

export interface DataFolderChoice {
  dir: string;
  source: 'argument' | 'environment' | 'default';
}

/**
 * The folder the desktop app uses, computed as Electron computes `userData` (appData + product name):
 * ~/Library/Application Support/Keyhaven on macOS, %APPDATA%\Keyhaven on Windows, and
 * $XDG_CONFIG_HOME/Keyhaven (default ~/.config/Keyhaven) elsewhere. `--data-dir`, then
 * KEYHAVEN_DATA_DIR, win over it, exactly as they do for the app (electron/main/data-dir.ts).
 */
export function chooseDataFolder(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
  cwd: string = process.cwd(),
): DataFolderChoice {
  if (flag !== undefined) return { dir: absolute(flag, cwd), source: 'argument' };
  if (env.KEYHAVEN_DATA_DIR) return { dir: absolute(env.KEYHAVEN_DATA_DIR, cwd), source: 'environment' };
  return { dir: join(appDataFolder(env, platform, home), PRODUCT_NAME), source: 'default' };
}

function appDataFolder(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform, home: string) {
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support');
    case 'win32':
      return env.APPDATA ?? join(home, 'AppData', 'Roaming');
    default:
      return env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  }
}

function absolute(dir: string, cwd: string): string {
  return isAbsolute(dir) ? resolve(dir) : resolve(cwd, dir);
}
