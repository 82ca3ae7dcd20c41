/**
 * Electron's binary, fetched once before the app starts (`npm start`, `npm run preview`).
 *
 * Electron 45's npm package no longer downloads at install time: it fetches its binary the first time
 * `require('electron')` runs, but electron-vite only reads `node_modules/electron/path.txt` and stops
 * with "Electron uninstall" when it is missing. So the start script asks for the binary first. The
 * download is Electron's own: `@electron/get` (the library behind Electron's installer, honouring
 * ELECTRON_MIRROR, electron_use_remote_checksums, electron_config_cache and the proxy settings) puts the
 * zip in its cache with our progress callback, then Electron's `install.js` finds it there, checks it,
 * unpacks it into `dist/` and writes `path.txt` — exactly what a lazy `require('electron')` would do.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch as osArch, platform as osPlatform } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { downloadProblem, ElectronDownloadError } from './download-problem';
import type { ProgressPrinter } from './progress-printer';

export interface ElectronPackage {
  /** node_modules/electron of the project. */
  dir: string;
  version: string;
}

export function findElectronPackage(projectRoot: string): ElectronPackage {
  const manifest = createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { dir: dirname(manifest), version };
}

/** The executable inside dist/, as Electron's installer names it per platform. */
export function platformPath(platform: string = installPlatform()): string {
  switch (platform) {
    case 'mas':
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    default:
      throw new ElectronDownloadError(`Electron has no builds for the platform "${platform}".`);
  }
}

/** The installed executable, or null: the same test as Electron's install.js `isInstalled()`. */
export function installedExecutable(electron: ElectronPackage): string | null {
  const read = (file: string): string | null => {
    try {
      return readFileSync(join(electron.dir, file), 'utf8');
    } catch {
      return null;
    }
  };
  if (read('dist/version')?.trim().replace(/^v/, '') !== electron.version) return null;
  const relative = read('path.txt');
  if (relative !== platformPath()) return null;
  const executable = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : join(electron.dir, 'dist', relative);
  return existsSync(executable) ? executable : null;
}

/** Where the release comes from, for messages: a mirror the user set, or Electron's GitHub releases. */
export function downloadSource(env: NodeJS.ProcessEnv = process.env): string {
  const mirror = env.npm_config_electron_mirror ?? env.NPM_CONFIG_ELECTRON_MIRROR ?? env.ELECTRON_MIRROR;
  return mirror ? `the mirror ${mirror}` : 'GitHub (github.com/electron/electron/releases)';
}

/**
 * Returns the path of Electron's executable, downloading and installing it first when it is missing.
 * Throws an ElectronDownloadError with one clear sentence (the cause, what to do) when that fails.
 */
export async function ensureElectronBinary(electron: ElectronPackage, progress: ProgressPrinter): Promise<string> {
  const ready = installedExecutable(electron);
  if (ready) return ready;

  progress.say(
    `Electron ${electron.version} is not downloaded yet: fetching it once from ${downloadSource()} (about 100 MB).`,
  );
  try {
    await prefetchIntoCache(electron, progress);
  } catch (error) {
    progress.end();
    throw downloadProblem(error, electron.version, downloadSource());
  }
  progress.end();
  progress.say('Unpacking Electron…');
  const code = await runInstaller(electron);
  const executable = installedExecutable(electron);
  if (code !== 0 || !executable) {
    throw new ElectronDownloadError(
      `Electron ${electron.version} was downloaded but could not be unpacked into ${join(electron.dir, 'dist')} ` +
        `(its installer exited with ${code}). Delete node_modules/electron, run npm install, then npm start again.`,
    );
  }
  progress.say(`Electron ${electron.version} is ready.`);
  return executable;
}

/** Downloads the release zip into @electron/get's cache, with the same details install.js will ask for. */
async function prefetchIntoCache(electron: ElectronPackage, progress: ProgressPrinter): Promise<void> {
  const requireFromElectron = createRequire(join(electron.dir, 'package.json'));
  const get = (await import(pathToFileURL(requireFromElectron.resolve('@electron/get')).href)) as {
    downloadArtifact: (details: Record<string, unknown>) => Promise<string>;
  };
  const remoteChecksums =
    process.env.electron_use_remote_checksums ?? process.env.npm_config_electron_use_remote_checksums;
  await get.downloadArtifact({
    version: electron.version,
    artifactName: 'electron',
    force: process.env.force_no_cache === 'true',
    cacheRoot: process.env.electron_config_cache,
    checksums: remoteChecksums ? undefined : (requireFromElectron('./checksums.json') as Record<string, string>),
    platform: installPlatform(),
    arch: installArch(),
    downloadOptions: {
      quiet: true, // @electron/get's own bar appears only after 30 s; ours starts at once
      getProgressCallback: (state: { transferred: number; total: number | null }) =>
        progress.update(state.transferred, state.total),
    },
  });
}

/** Electron's own installer: finds the zip in the cache, verifies it, unpacks it, writes path.txt. */
function runInstaller(electron: ElectronPackage): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(electron.dir, 'install.js')], { stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function installPlatform(): string {
  return process.env.ELECTRON_INSTALL_PLATFORM ?? process.env.npm_config_platform ?? osPlatform();
}

/** As install.js decides it, so the zip we fetch is the one it looks for (x64 under Rosetta → arm64). */
function installArch(): string {
  const chosen = process.env.ELECTRON_INSTALL_ARCH ?? process.env.npm_config_arch ?? osArch();
  if (installPlatform() !== 'darwin' || process.platform !== 'darwin' || chosen !== 'x64') return chosen;
  if (process.env.npm_config_arch !== undefined) return chosen;
  try {
    return execSync('sysctl -in sysctl.proc_translated').toString().trim() === '1' ? 'arm64' : chosen;
  } catch {
    return chosen;
  }
}
