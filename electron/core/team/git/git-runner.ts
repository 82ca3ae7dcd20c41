/**
 * Runs the system `git` as a child process: an argument array, never a shell, so no path, URL or
 * message is ever parsed by one. git must never wait for a person (the sync runs in the background, from
 * the app or the command line), must print its untranslated messages, and must not inherit a repository
 * from the environment Keyhaven itself was started in (a git hook, an IDE's terminal).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { GitError, redact } from './git-errors';

export interface GitRunOptions {
  /** The folder git runs in. */
  cwd: string;
  /** Stop git after this long (default 60 s): a network that hangs must not hang Keyhaven. */
  timeoutMs?: number;
  /**
   * git's standard input: bytes (e.g. `hash-object --stdin`), or a stream the caller goes on writing
   * while git reads it (`update-index --stdin` as files are written). Empty otherwise.
   */
  input?: Buffer | Readable;
  /** Extra variables (an author's name and email); they override the inherited ones. */
  env?: Readonly<Record<string, string>>;
  /** Literal strings to remove from any error message (the credential parts of a remote URL). */
  secrets?: readonly string[];
}

export interface GitResult {
  /** git's exit code; the caller decides what a non-zero one means for its command. */
  code: number;
  stdout: Buffer;
  /** git's standard error, with credentials already removed. */
  stderr: string;
  /** Wall time of this git process, counted apart from Keyhaven's own work. */
  ms: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
/** git's output beyond this is an error rather than memory: a team repository's files are small. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/**
 * Variables that point git at another repository, index or object store (`git rev-parse
 * --local-env-vars`), plus the ones that would inject configuration: none of them may leak from
 * Keyhaven's own environment into the team repository's commands.
 */
const REPOSITORY_VARIABLES = [
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_CONFIG',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
  'GIT_OBJECT_DIRECTORY',
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_IMPLICIT_WORK_TREE',
  'GIT_GRAFT_FILE',
  'GIT_INDEX_FILE',
  'GIT_NO_REPLACE_OBJECTS',
  'GIT_REPLACE_REF_BASE',
  'GIT_PREFIX',
  'GIT_SHALLOW_FILE',
  'GIT_COMMON_DIR',
];

/** The environment every git command runs with (exported for the test that checks it). */
export function gitEnvironment(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  for (const name of Object.keys(env)) if (/^GIT_CONFIG_(KEY|VALUE)_\d+$/.test(name)) delete env[name];
  // No prompt program. GIT_ASKPASS is set empty rather than removed: git reads an unset one as "try
  // core.askPass from the user's configuration", an empty one as "no program" (prompt.c).
  env.GIT_ASKPASS = '';
  delete env.SSH_ASKPASS;
  env.SSH_ASKPASS_REQUIRE = 'never'; // OpenSSH ≥ 8.4 would otherwise try its default askpass under X11
  env.GIT_TERMINAL_PROMPT = '0'; // git fails at once where it would have asked for a user name
  env.GCM_INTERACTIVE = 'never'; // Git Credential Manager: use stored credentials, never open a window
  env.GIT_EDITOR = 'true'; // `rebase --continue` keeps the message instead of opening an editor
  env.GIT_SEQUENCE_EDITOR = 'true';
  env.GIT_MERGE_AUTOEDIT = 'no';
  env.LC_ALL = 'C'; // untranslated messages: git-errors.ts reads a few of them
  env.LANGUAGE = 'C';
  return { ...env, ...extra };
}

/**
 * Runs `git <args>` in `options.cwd`. Resolves for any exit code (the caller judges it); rejects only
 * with GitError GIT_NOT_FOUND or TIMEOUT, or FAILED when git could not be started or printed too much.
 */
export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const secrets = options.secrets ?? [];
  const started = performance.now();
  return new Promise<GitResult>((resolve, reject) => {
    // A new session (detached): git, ssh and any credential helper have no controlling terminal to open
    // /dev/tty on, so nothing can prompt even from the command line; and the whole process group (ssh,
    // remote helpers) can be stopped together on a timeout.
    const child = spawn('git', [...args], {
      cwd: options.cwd,
      env: gitEnvironment(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let failure: GitError | undefined;
    const stop = (error: GitError): void => {
      failure ??= error;
      killGroup(child.pid, () => child.kill('SIGKILL'));
    };
    const timer = setTimeout(
      () =>
        stop(
          new GitError('TIMEOUT', `git ${commandName(args)} did not finish within ${Math.round(timeoutMs / 1000)} s.`),
        ),
      timeoutMs,
    );
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) stop(new GitError('FAILED', `git ${commandName(args)} printed too much output.`));
      else into.push(chunk);
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    child.stdin.on('error', () => {}); // git may exit before reading its input; its exit code says why
    if (options.input instanceof Readable) options.input.pipe(child.stdin);
    else child.stdin.end(options.input ?? Buffer.alloc(0));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new GitError('GIT_NOT_FOUND', 'Keyhaven could not find the git program. Install git and try again.')
          : new GitError('FAILED', `Keyhaven could not start git (${error.code ?? error.message}).`),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      resolve({
        code: code ?? 128 + (signal ? constants.signals[signal] : 0),
        stdout: Buffer.concat(stdout),
        stderr: redact(Buffer.concat(stderr).toString('utf8'), secrets),
        ms: performance.now() - started,
      });
    });
  });
}

/** Runs git and returns its standard output as text, or throws GitError FAILED quoting git's error. */
export async function gitText(args: readonly string[], options: GitRunOptions): Promise<string> {
  const result = await runGit(args, options);
  if (result.code !== 0) throw failed(args, result);
  return result.stdout.toString('utf8');
}

export function failed(args: readonly string[], result: GitResult): GitError {
  const why = result.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${result.code}`;
  return new GitError('FAILED', `git ${commandName(args)} failed: ${why.trim()}`, result.stderr);
}

/** The subcommand, for messages: the first argument that is not a `-c name=value` pair. */
function commandName(args: readonly string[]): string {
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '-c' || args[i] === '-C') i += 1;
    else if (!args[i]?.startsWith('-')) return args[i] ?? '';
  }
  return '';
}

function killGroup(pid: number | undefined, fallback: () => void): void {
  if (pid === undefined || process.platform === 'win32') return fallback();
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    fallback();
  }
}

/** A pathspec matching exactly this path (no glob character in an entry's file name is special). */
export function literal(path: string): string {
  return `:(literal)${path}`;
}
