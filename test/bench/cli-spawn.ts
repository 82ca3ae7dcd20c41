import { spawn } from 'node:child_process';

/** Spawning for the command-line bench (cli.ts): one process timed from the spawn call to its exit. */
export interface Spawned {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One process, timed from the spawn call to its exit; output collected for the checks. */
export function timedSpawn(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let ms = Number.NaN;
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', () => (ms = Number(process.hrtime.bigint() - start) / 1e6));
    child.on('close', (code) => resolve({ ms, code, stdout, stderr }));
  });
}

export function expectExit(run: Spawned, code: number, what: string): Spawned {
  if (run.code !== code) throw new Error(`${what} exited ${run.code}, not ${code}: ${run.stderr.slice(0, 500)}`);
  return run;
}
