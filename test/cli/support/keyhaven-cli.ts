import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

/** The built command, as users run it: `npm run build` makes it (test/run-tests.mjs builds first). */
export const KEYHAVEN_BIN = fileURLToPath(new URL('../../../out/cli/keyhaven.js', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  dataDir: string;
  /** Written to stdin, then closed; stdin is empty (closed at once) without it. */
  input?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Runs `keyhaven <args>` as a real child process with its own data folder and the real keychain. */
export function keyhaven(args: readonly string[], options: CliOptions): Promise<CliRun> {
  if (!existsSync(KEYHAVEN_BIN)) throw new Error(`${KEYHAVEN_BIN} is missing: run npm run build first.`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KEYHAVEN_BIN, ...args], {
      cwd: options.cwd ?? options.dataDir,
      env: { ...process.env, KEYHAVEN_DATA_DIR: options.dataDir, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh data folder per test, removed after it (Bruno's rule: no test sees another's data). */
export function useDataFolders(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhaven-cli-'));
    made.push(dir);
    return dir;
  };
}

/** `keyhaven` that must succeed: its stdout, or a failure that shows what it printed. */
export async function keyhavenOk(args: readonly string[], options: CliOptions): Promise<string> {
  const run = await keyhaven(args, options);
  if (run.code !== 0) throw new Error(`keyhaven ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run.stdout;
}
