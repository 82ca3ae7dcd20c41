import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CliError } from '../cli-error';
import { SecretMasker } from './secret-masker';
import { forwardSignals } from './signal-forwarding';

/** Where a child's stdout or stderr ends up: our own stream by default. */
export type OutputTarget = Writable & { readonly isTTY?: boolean; readonly fd?: number };

export interface RunChildOptions {
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** The values to conceal in the child's output when `masking` is on. */
  secrets: readonly string[];
  masking: boolean;
  stdout?: OutputTarget;
  stderr?: OutputTarget;
}

/** How one output stream of the child reaches its target. */
type Route = { kind: 'direct'; fd: number } | { kind: 'piped'; masked: boolean };

/**
 * Runs `command` (without a shell) on our stdin and resolves to its exit code, or to 128 + the signal
 * number when a signal ended it, as a shell reports it. Signals we receive meanwhile go to the child.
 *
 * Output to a terminal goes to the child directly, so it still sees a TTY (colours, progress bars,
 * prompts) and a person is watching anyway; output to a pipe or file, where logs and CI keep it, runs
 * through a {@link SecretMasker} when `masking` is on.
 */
export async function runChild(options: RunChildOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const stdoutRoute = routeFor(stdout, options.masking);
  const stderrRoute = routeFor(stderr, options.masking);
  const child = spawn(options.command, options.args, {
    env: options.env,
    stdio: ['inherit', stdioFor(stdoutRoute), stdioFor(stderrRoute)],
  });
  const stopForwardingSignals = forwardSignals(child);
  try {
    const [exitCode] = await Promise.all([
      exitCodeOf(child, options.command),
      forwardOutput(child.stdout, stdout, stdoutRoute, options.secrets),
      forwardOutput(child.stderr, stderr, stderrRoute, options.secrets),
    ]);
    return exitCode;
  } finally {
    stopForwardingSignals();
  }
}

function routeFor(target: OutputTarget, masking: boolean): Route {
  if (masking && target.isTTY !== true) return { kind: 'piped', masked: true };
  // A stream without a descriptor (not one of our own) cannot be handed to the child, so it is piped.
  return typeof target.fd === 'number' ? { kind: 'direct', fd: target.fd } : { kind: 'piped', masked: false };
}

function stdioFor(route: Route): number | 'pipe' {
  return route.kind === 'direct' ? route.fd : 'pipe';
}

/** Copies a piped child stream to its target and resolves once the target has written all of it. */
async function forwardOutput(
  source: Readable | null,
  target: OutputTarget,
  route: Route,
  secrets: readonly string[],
): Promise<void> {
  if (source === null || route.kind !== 'piped') return;
  const streams = route.masked ? [source, new SecretMasker(secrets), target] : [source, target];
  try {
    // `end: false` keeps our own stdout and stderr open after the child's streams end.
    await pipeline(streams, { end: false });
  } catch {
    // Our side closed (`keyhaven run … | head`): pipeline has destroyed the child's pipe, so the child
    // meets a broken pipe as it would in a shell pipeline, and its exit code tells the rest.
    return;
  }
  // pipeline resolves once the target has accepted the last chunk, not once it has written it.
  await new Promise<void>((resolve) => target.write(Buffer.alloc(0), () => resolve()));
}

function exitCodeOf(child: ChildProcess, command: string): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      // Only a child that never started has no pid; later errors (a signal that could not be sent)
      // leave it running, and 'close' still reports how it ends.
      if (child.pid === undefined) reject(startFailure(command, error));
    });
    child.on('close', (code, signal) => {
      if (signal !== null) resolve(128 + constants.signals[signal]);
      else resolve(code ?? 0);
    });
  });
}

function startFailure(command: string, error: NodeJS.ErrnoException): CliError {
  if (error.code === 'ENOENT') return new CliError('COMMAND_NOT_FOUND', `command not found: ${command}`);
  if (error.code === 'EACCES') return new CliError('CANNOT_EXECUTE', `cannot execute ${command}: permission denied`);
  return new CliError('CANNOT_EXECUTE', `cannot execute ${command}: ${error.code ?? 'unknown error'}`);
}
