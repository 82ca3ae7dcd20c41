/**
 * A working clone of a team repository in Keyhaven's data folder. It moves files and knows nothing of
 * what they contain. Every command runs with the same fixed configuration (below), so the user's own
 * git settings (signing, hooks, line endings, rebase options) cannot make a background sync prompt,
 * fail or change the bytes of an encrypted file.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { acquireFileLock } from '../../storage/file-lock';
import { GitError, transportError, urlSecrets } from './git-errors';
import { type GitResult, failed, literal, runGit } from './git-runner';
import type { SyncOptions, SyncReport } from './sync-report';
import { fixedGitConfig } from './fixed-config';
import { syncRepo } from './team-sync';
import type { WorkingCopy } from './working-copy';

export interface GitAuthor {
  name: string;
  email: string;
}

export interface TeamRepoOptions {
  /** Who commits: the member's name and email as the caller knows them (never git's global config). */
  identity: GitAuthor;
  /** The branch the team shares (default `main`). */
  branch?: string;
  /** Time limit of each git command (default 60 s). */
  timeoutMs?: number;
}

/**
 * Attributes of every file in the working clone, kept in .git/info/attributes (local, never pushed):
 * `-text` keeps the bytes exactly as written on every platform; `merge=binary` makes any change both
 * sides made to one file a conflict for the resolver, never a line-by-line merge (two edits of an
 * encrypted file that touch different lines would otherwise merge "cleanly" into garbage).
 */
const ATTRIBUTES = '* -text merge=binary\n';

const INCOMING_REF = 'refs/keyhaven/incoming';

export class TeamRepo implements WorkingCopy {
  readonly branch: string;
  /** Milliseconds spent inside git since the counter was last read (see `takeGitMs`). */
  private gitMs = 0;
  private readonly secrets: string[];

  private constructor(
    readonly dir: string,
    readonly url: string,
    private readonly options: TeamRepoOptions,
  ) {
    this.branch = options.branch ?? 'main';
    this.secrets = urlSecrets(url);
  }

  /**
   * Clones `url` (a URL or a path) into `dir`, which must not exist or be empty. An empty remote is
   * fine: the branch is born locally and created there by the first sync's push. On failure the folder
   * is removed again and a GitError says why (UNREACHABLE, AUTH, TIMEOUT, …).
   */
  static async clone(url: string, dir: string, options: TeamRepoOptions): Promise<TeamRepo> {
    const repo = await TeamRepo.init(url, dir, options, { mustBeEmpty: true });
    try {
      const head = await repo.fetchRemote();
      if (head !== null) {
        await repo.mustRun(['update-ref', repo.trackingRef, head]);
        await repo.mustRun(['reset', '-q', '--hard', head]);
      }
      return repo;
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * Makes `dir` a working clone whose remote is `url`, without contacting it: for sharing an existing
   * vault, whose files are then committed and sent by the first sync (which rebases them onto whatever
   * the remote already holds).
   */
  static async init(
    url: string,
    dir: string,
    options: TeamRepoOptions,
    { mustBeEmpty = false }: { mustBeEmpty?: boolean } = {},
  ): Promise<TeamRepo> {
    await mkdir(dir, { recursive: true });
    if (mustBeEmpty && (await readdir(dir)).length > 0) {
      throw new GitError('FAILED', `Keyhaven cannot clone into ${dir}: the folder is not empty.`);
    }
    const repo = new TeamRepo(dir, url, options);
    // --template= : nothing copied from the user's init.templateDir (hooks, excludes, config)
    await repo.mustRun(['init', '-q', '--template=', `--initial-branch=${repo.branch}`]);
    await repo.mustRun(['remote', 'add', 'origin', url]);
    await mkdir(join(dir, '.git', 'info'), { recursive: true });
    await writeFile(join(dir, '.git', 'info', 'attributes'), ATTRIBUTES);
    return repo;
  }

  /** A working clone made earlier by `clone` or `init`. */
  static async open(dir: string, options: TeamRepoOptions): Promise<TeamRepo> {
    if (!existsSync(join(dir, '.git'))) {
      throw new GitError('NOT_A_REPOSITORY', `${dir} is not a team repository's working copy.`);
    }
    const probe = new TeamRepo(dir, '', options);
    const url = (await probe.mustRun(['remote', 'get-url', 'origin'])).stdout.toString('utf8').trim();
    return new TeamRepo(dir, url, options);
  }

  get trackingRef(): string {
    return `refs/remotes/origin/${this.branch}`;
  }

  /**
   * Stages `paths` (relative to the folder; written, changed or deleted) and commits them as `author`
   * with `message`, which the caller keeps neutral ("keyhaven: 3 entries changed": the history is
   * readable by the git host). Returns the new commit, or null when nothing changed.
   */
  async commitAll(
    paths: readonly string[],
    message: string,
    author: GitAuthor = this.options.identity,
  ): Promise<string | null> {
    return this.locked(async () => {
      const tracked = new Set(
        (await this.mustRun(['ls-files', '-z', '--', ...paths.map(literal)])).stdout
          .toString('utf8')
          .split('\0')
          .filter(Boolean),
      );
      // `git add` refuses a path that is neither on disk nor tracked (deleted before it was committed).
      const present = paths.filter((path) => tracked.has(path) || existsSync(join(this.dir, path)));
      if (present.length > 0) await this.mustRun(['add', '-A', '--', ...present.map(literal)]);
      const staged = await this.run(['diff', '--cached', '--quiet']);
      if (staged.code === 0) return null;
      if (staged.code !== 1) throw failed(['diff'], staged);
      const env = { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email };
      await this.mustRun(['commit', '-q', '--no-verify', '--no-gpg-sign', '-m', message], { env });
      return this.head();
    });
  }

  /** Fetch, check, rebase, resolve, push: see team-sync.ts. Never throws for a git failure. */
  sync(options: SyncOptions): Promise<SyncReport> {
    return this.locked(() => syncRepo(this, options));
  }

  /** The local branch's commit, or null while it is unborn (nothing committed or fetched yet). */
  async head(): Promise<string | null> {
    return this.resolveRef('HEAD');
  }

  /** The remote head as of the last fetch, or null if the remote branch was never seen. */
  async trackedRemoteHead(): Promise<string | null> {
    return this.resolveRef(this.trackingRef);
  }

  async resolveRef(ref: string): Promise<string | null> {
    const result = await this.run(['rev-parse', '-q', '--verify', `${ref}^{commit}`]);
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  /** Number of commits in `to` that are not in `from` (from null: all of `to`). */
  async count(from: string | null, to: string | null): Promise<number> {
    if (to === null) return 0;
    const range = from === null ? [to] : [`${from}..${to}`];
    return Number((await this.mustRun(['rev-list', '--count', ...range])).stdout.toString('utf8').trim());
  }

  /**
   * Fetches the shared branch into a private ref (not the remote-tracking one, so a rejected fetch
   * leaves the clone as it was) and returns the remote head, or null when the remote has no such branch
   * (a new, empty repository). Throws GitError UNREACHABLE, AUTH or TIMEOUT when the remote cannot be
   * talked to.
   */
  async fetchRemote(): Promise<string | null> {
    await this.run(['update-ref', '-d', INCOMING_REF]);
    const fetched = await this.run([
      'fetch',
      '-q',
      '--no-tags',
      '--no-write-fetch-head',
      '--refmap=',
      'origin',
      `+refs/heads/${this.branch}:${INCOMING_REF}`,
    ]);
    if (fetched.code === 0) return this.resolveRef(INCOMING_REF);
    // The fetch fails alike for a missing branch and a dead network; ls-remote's exit code tells them
    // apart (2: reached the remote, no such branch).
    const listed = await this.run(['ls-remote', '--exit-code', '--heads', 'origin', `refs/heads/${this.branch}`]);
    if (listed.code === 2) return null;
    if (listed.code === 0) throw failed(['fetch'], fetched);
    throw transportError('fetch from', this.url, fetched.stderr || listed.stderr);
  }

  /**
   * Runs git in the working clone with the fixed configuration; resolves for any exit code. Counts
   * git's own time for the sync report.
   */
  async run(
    args: readonly string[],
    extra: { env?: Record<string, string>; input?: Buffer | Readable } = {},
  ): Promise<GitResult> {
    const env = {
      GIT_COMMITTER_NAME: this.options.identity.name,
      GIT_COMMITTER_EMAIL: this.options.identity.email,
      GIT_AUTHOR_NAME: this.options.identity.name,
      GIT_AUTHOR_EMAIL: this.options.identity.email,
      ...extra.env,
    };
    const result = await runGit([...fixedGitConfig(this.dir), ...args], {
      cwd: this.dir,
      env,
      secrets: this.secrets,
      ...(extra.input ? { input: extra.input } : {}),
      ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
    });
    this.gitMs += result.ms;
    return result;
  }

  async mustRun(args: readonly string[], extra: { env?: Record<string, string> } = {}): Promise<GitResult> {
    const result = await this.run(args, extra);
    if (result.code !== 0) throw failed(args, result);
    return result;
  }

  /**
   * Stages files while they are still being written: `write` reports each path once its file is
   * complete, and git hashes it in its own process meanwhile. On two cores a removal's re-encryption
   * of 1,000 entries and git's hashing of them overlap instead of taking turns (decision 108). What is
   * staged here is committed by the next `commitAll`; if `write` fails, the next operation's
   * `discardUncommitted` drops it with the files.
   */
  async stageWhileWriting<T>(write: (staged: (path: string) => void) => Promise<T>): Promise<T> {
    return this.locked(async () => {
      const paths = new PassThrough();
      const staging = this.run(['update-index', '--add', '--remove', '-z', '--stdin'], { input: paths });
      let written: T;
      try {
        written = await write((path) => paths.write(`${path}\0`));
      } catch (error) {
        paths.end();
        await staging.catch(() => undefined);
        throw error;
      }
      paths.end();
      const result = await staging;
      if (result.code !== 0) throw failed(['update-index'], result);
      return written;
    });
  }

  /**
   * Puts every file back as the last commit has it and removes files git does not track: what an
   * operation cut short left (half a removal's re-encryption, an entry written but not committed).
   * Nothing is lost: local changes are written again from the vault by the next sync.
   */
  async discardUncommitted(): Promise<void> {
    await this.locked(async () => {
      if ((await this.head()) !== null) await this.mustRun(['reset', '-q', '--hard']);
      await this.mustRun(['clean', '-q', '-f', '-d']);
    });
  }

  /** Returns and resets the time spent in git, for timing one operation. */
  takeGitMs(): number {
    const ms = this.gitMs;
    this.gitMs = 0;
    return ms;
  }

  /** A sync and a commit from another process (the app and the command line) take turns. */
  private async locked<T>(work: () => Promise<T>): Promise<T> {
    const release = await acquireFileLock(join(this.dir, '.git', 'keyhaven-sync'), { timeoutMs: 120_000 });
    try {
      return await work();
    } finally {
      await release();
    }
  }
}
