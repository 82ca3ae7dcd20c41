import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { CliError } from '../cli-error';
import { type AddedLine, GitLogParser } from './git-log-parser';

/**
 * `git log` run so that neither the user's configuration nor the repository's attributes change what
 * it prints: no colour, no external diff or textconv driver, no signature lines, fixed a/ b/ prefixes
 * (diff.noprefix and diff.mnemonicPrefix would change them), paths unquoted unless they must be.
 * -U0: only added and removed lines, no context, so a line is reported in the commit that added it.
 */
const GIT_LOG_ARGS = [
  '-c',
  'core.quotePath=false',
  '-c',
  'log.showRoot=true',
  'log',
  '--all',
  '-p',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-show-signature',
  '-U0',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--format=%x00%H',
];

/** How much of git's stderr is kept for an error message: its first line is what says why. */
const STDERR_KEPT = 4096;

export interface HistoryScanTotals {
  commits: number;
  bytes: number;
}

/**
 * Hands on every line added by any commit reachable from any ref of the repository at `root`, as git
 * streams it: the log of a large repository is never held whole. A key deleted by a later commit is
 * still found in the commit that added it, since that commit can still be fetched.
 */
export async function scanGitHistory(
  root: string,
  onAddedLine: (added: AddedLine) => void,
): Promise<HistoryScanTotals> {
  await assertRepository(root);
  let bytes = 0;
  const parser = new GitLogParser((added) => {
    bytes += Buffer.byteLength(added.text);
    onAddedLine(added);
  });
  const git = spawn('git', GIT_LOG_ARGS, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = exitOf(git);
  let stderr = '';
  git.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < STDERR_KEPT) stderr += chunk.toString('utf8');
  });
  try {
    await feedLines(git.stdout as AsyncIterable<Buffer>, (line) => parser.push(line));
  } finally {
    // Reached early only if handling a line threw: git must not keep running behind the error.
    if (git.exitCode === null) git.kill();
  }
  const code = await exit;
  if (code !== 0) {
    const reason = stderr.split('\n')[0]?.trim() || `exit code ${code}`;
    throw new CliError('DATA', `git log failed in ${root}: ${reason}`);
  }
  return { commits: parser.commits, bytes };
}

/** Splits a byte stream on line feeds and decodes each line whole: a chunk may end inside a UTF-8 sequence. */
async function feedLines(stream: AsyncIterable<Buffer>, onLine: (line: string) => void): Promise<void> {
  let pending: Buffer[] = [];
  for await (const chunk of stream) {
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, end));
      onLine(Buffer.concat(pending).toString('utf8'));
      pending = [];
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) onLine(Buffer.concat(pending).toString('utf8'));
}

async function assertRepository(root: string): Promise<void> {
  const notRepository = new CliError('USAGE', `${root} is not a git repository`);
  // Checked first because spawn reports a missing cwd as ENOENT, the same as a missing git.
  const isDirectory = await stat(root).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isDirectory) throw notRepository;
  let code: number;
  try {
    code = await exitOf(spawn('git', ['rev-parse', '--git-dir'], { cwd: root, stdio: 'ignore' }));
  } catch {
    throw new CliError('USAGE', 'git was not found on PATH: it is needed to scan history (--git)');
  }
  if (code !== 0) throw notRepository;
}

function exitOf(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
}
