/**
 * `npm start` (electron-vite dev) and `npm run preview` (electron-vite preview): make sure Electron's
 * binary is there (see electron-binary.ts), then hand over to electron-vite with the executable's path
 * in ELECTRON_EXEC_PATH, so it never has to find the binary by itself. Arguments after `--` go to the
 * app: `npm start -- --data-dir /tmp/keyhaven-try`.
 *
 * Exit codes: electron-vite's (the app's), or 1 when Electron could not be made ready.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ElectronDownloadError } from './download-problem';
import { ensureElectronBinary, findElectronPackage } from './electron-binary';
import { createProgressPrinter } from './progress-printer';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODES = new Set(['dev', 'preview']);

async function main(): Promise<number> {
  const [mode = 'dev', ...appArgs] = process.argv.slice(2);
  if (!MODES.has(mode)) {
    process.stderr.write(`[keyhaven] usage: start.ts dev|preview [-- app arguments]; got "${mode}".\n`);
    return 2;
  }
  const progress = createProgressPrinter();
  let executable: string;
  try {
    executable = await ensureElectronBinary(findElectronPackage(PROJECT_ROOT), progress);
  } catch (error) {
    const message = error instanceof ElectronDownloadError ? error.message : describe(error);
    process.stderr.write(`[keyhaven] ${message}\n`);
    return 1;
  }

  const electronVite = electronViteBin();
  const args = [electronVite, mode, ...(appArgs[0] === '--' ? appArgs : appArgs.length > 0 ? ['--', ...appArgs] : [])];
  return new Promise((resolveExit) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
      env: { ...process.env, ELECTRON_EXEC_PATH: executable },
    });
    // Ctrl-C reaches electron-vite and Electron from the terminal already: wait for their exit code.
    // A SIGTERM or SIGHUP sent to this process alone (a task runner stopping it) is passed on.
    process.on('SIGINT', () => {});
    for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
    child.on('error', (error) => {
      process.stderr.write(`[keyhaven] could not start electron-vite: ${error.message}\n`);
      resolveExit(127);
    });
    child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0)));
  });
}

/** electron-vite's command, found through its package.json `bin` (its `exports` hide the file itself). */
function electronViteBin(): string {
  const manifest = createRequire(join(PROJECT_ROOT, 'package.json')).resolve('electron-vite/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifest), bin['electron-vite'] ?? 'bin/electron-vite.js');
}

function describe(error: unknown): string {
  return `Electron could not be made ready: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}

process.exitCode = await main();
