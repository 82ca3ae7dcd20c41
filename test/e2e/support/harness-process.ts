import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Result } from '../../../shared/ipc/errors';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = 'test/harness/cli.ts';
/** Enables the harness's control routes with this token (test/harness/cli.ts). */
const CONTROL_TOKEN_ENV = 'KEYHAVEN_HARNESS_CONTROL_TOKEN';
/** A deadline for a failure to show, not a wait: a healthy harness prints its URL in well under a second. */
const START_DEADLINE_MS = 30_000;

export interface HarnessProcess {
  /** The URL printed on the first stdout line, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** The token of the harness's test control routes (clipboard, power events); the page never has it. */
  controlToken: string;
  dataDir: string;
  /** Milliseconds from spawn to the URL line. */
  startMs: number;
  /** Everything the process printed so far (for the canary check and for failure messages). */
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr contains `text` (log lines are written after the response is sent). */
  waitForStderr(text: string): Promise<void>;
  /** Calls the core through the RPC endpoint as the bridge does. */
  rpc<T = unknown>(channel: string, input?: unknown): Promise<Result<T>>;
  /** SIGTERM, then the exit code once it has closed the core. Idempotent. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  args?: readonly string[];
}

/** An environment in which no Secret Service can be reached: what a user without a keyring has. */
export function envWithoutKeychain(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

/** Spawns the harness exactly as a developer would, and resolves once it printed its URL. */
export function startHarness(options: StartOptions): Promise<HarnessProcess> {
  const started = performance.now();
  const controlToken = randomBytes(32).toString('hex');
  const env = { ...(options.env ?? process.env), [CONTROL_TOKEN_ENV]: controlToken };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, '--data-dir', options.dataDir, '--port', '0', ...(options.args ?? [])],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`The harness did not start: ${why}\n--- stderr ---\n${stderr}`));
    };
    const deadline = setTimeout(() => fail(`no URL within ${START_DEADLINE_MS} ms`), START_DEADLINE_MS);
    const onData = () => {
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      cleanup();
      const url = stdout.slice(0, newline);
      const parsed = new URL(url);
      resolve(
        handle(child, exited, {
          url,
          origin: parsed.origin,
          port: Number(parsed.port),
          token: parsed.searchParams.get('token') ?? '',
          controlToken,
          dataDir: options.dataDir,
          startMs: performance.now() - started,
          stdout: () => stdout,
          stderr: () => stderr,
        }),
      );
    };
    const onExit = (code: number | null) => fail(`it exited with code ${code}`);
    function cleanup() {
      clearTimeout(deadline);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

type Basics = Omit<HarnessProcess, 'rpc' | 'stop' | 'waitForStderr'>;

function handle(child: ChildProcess, exited: Promise<number | null>, basics: Basics): HarnessProcess {
  return {
    ...basics,
    async rpc<T>(channel: string, input: unknown = {}) {
      const response = await fetch(`${basics.origin}/rpc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-keyhaven-token': basics.token },
        body: JSON.stringify(input),
      });
      return (await response.json()) as Result<T>;
    },
    waitForStderr(text: string) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!basics.stderr().includes(text)) return;
          child.stderr?.off('data', check);
          child.off('exit', gone);
          resolve();
        };
        const gone = () => {
          child.stderr?.off('data', check);
          if (basics.stderr().includes(text)) resolve();
          else reject(new Error(`The harness exited without logging "${text}".`));
        };
        if (child.exitCode !== null || child.signalCode !== null) return gone();
        child.stderr?.on('data', check);
        child.once('exit', gone);
        check();
      });
    },
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Starts a harness, lets `use` run, then stops it; for tests that only need the HTTP side. */
export async function withHarness<T>(options: StartOptions, use: (harness: HarnessProcess) => Promise<T>): Promise<T> {
  const harness = await startHarness(options);
  try {
    return await use(harness);
  } finally {
    await harness.stop();
  }
}
