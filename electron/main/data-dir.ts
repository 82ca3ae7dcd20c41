import { mkdirSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { App } from 'electron';
import { CoreError } from '../core/errors';

export interface DataDirChoice {
  /** Absolute path of the data folder. */
  dir: string;
  /** Where it came from; anything but 'default' moves Electron's userData there too. */
  source: 'argument' | 'environment' | 'default';
}

const FLAG = '--data-dir';

/**
 * The data folder: `--data-dir=DIR` or `--data-dir DIR`, else KEYHAVEN_DATA_DIR, else Electron's
 * userData. Tests and the harness use the overrides to keep each run's data apart. A relative path is
 * resolved against `cwd`, so the result is always absolute. Pure, for unit tests.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaultDir: string,
  cwd: string = process.cwd(),
): DataDirChoice {
  const fromArgs = dataDirArgument(argv);
  if (fromArgs !== undefined) return { dir: absolute(fromArgs, cwd), source: 'argument' };
  const fromEnv = env.KEYHAVEN_DATA_DIR;
  if (fromEnv) return { dir: absolute(fromEnv, cwd), source: 'environment' };
  return { dir: absolute(defaultDir, cwd), source: 'default' };
}

function dataDirArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break; // what follows belongs to someone else
    let value: string | undefined;
    if (arg.startsWith(`${FLAG}=`)) value = arg.slice(FLAG.length + 1);
    else if (arg === FLAG) value = argv[++i];
    else continue;
    // An empty value would silently mean "the current directory": refuse it instead.
    if (!value || value.startsWith('--'))
      throw new CoreError('INVALID_INPUT', `${FLAG} needs a folder, e.g. ${FLAG}=/path/to/data.`);
    found = value; // the last one wins, as with most command-line tools
  }
  return found;
}

function absolute(dir: string, cwd: string): string {
  return isAbsolute(dir) ? resolve(dir) : resolve(cwd, dir);
}

/**
 * Applies the choice to Electron before anything reads userData (the single-instance lock and
 * Chromium's own files live there), creating the folder first because app.setPath requires it.
 */
export function applyDataDir(app: App, argv: readonly string[] = process.argv, env = process.env): string {
  const choice = resolveDataDir(argv, env, app.getPath('userData'));
  if (choice.source !== 'default') {
    mkdirSync(choice.dir, { recursive: true, mode: 0o700 });
    app.setPath('userData', choice.dir);
  }
  return choice.dir;
}
