/**
 * What went wrong in a git operation, typed by what happened. Messages are shown to people as they are,
 * so every text that reaches one (git's stderr included) goes through `redact` first: a remote URL may
 * carry a credential (`https://user:token@host/…`), and nothing else git prints about a team repository
 * is secret, since the repository holds only encrypted files.
 */

export type GitErrorCode =
  /** No `git` program on the PATH. */
  | 'GIT_NOT_FOUND'
  /** git did not finish within its time limit and was stopped. */
  | 'TIMEOUT'
  /** The remote could not be reached (no network, host down, a share not mounted, a missing path). */
  | 'UNREACHABLE'
  /** The remote refused the credentials, or asked for some and git was not allowed to prompt. */
  | 'AUTH'
  /** The folder is not a working clone. */
  | 'NOT_A_REPOSITORY'
  /** The working clone has changes nobody committed: sync would mix them into a rebase. */
  | 'UNCOMMITTED_CHANGES'
  /** A rebase conflict the caller's resolver could not settle (it threw); the rebase was aborted. */
  | 'CONFLICT_UNRESOLVED'
  /** Others kept pushing between our fetch and our push, more times than we retry. */
  | 'PUSH_REJECTED'
  /** Any other failure of a git command; the message quotes git. */
  | 'FAILED';

export class GitError extends Error {
  constructor(
    readonly code: GitErrorCode,
    message: string,
    /** git's stderr, redacted, for a details view; empty when git did not run. */
    readonly detail = '',
  ) {
    super(redact(message));
    this.name = 'GitError';
  }
}

/** userinfo in a URL: `scheme://user:password@` or `scheme://token@`. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^/\s@'"]+)@/gi;
/** Schemes whose bare user name is just a login, not a credential (`ssh://git@host`). */
const LOGIN_ONLY_SCHEMES = /^(ssh|git\+ssh|ssh\+git):\/\/$/i;

/**
 * Removes credentials from text that may quote a URL. Any userinfo with a password is replaced, and so
 * is a bare user name on http(s) and other non-ssh schemes, since hosts accept a token there
 * (`https://<token>@github.com/…`). `extra` are literal strings known to be secret (the parts of the
 * URL the caller passed), removed wherever git may have echoed them, decoded or not.
 */
export function redact(text: string, extra: readonly string[] = []): string {
  let out = text.replace(URL_USERINFO, (_match, scheme: string, userinfo: string) => {
    if (LOGIN_ONLY_SCHEMES.test(scheme) && !userinfo.includes(':')) return `${scheme}${userinfo}@`;
    return `${scheme}***@`;
  });
  for (const secret of extra) {
    if (secret.length < 3) continue; // too short to tell apart from ordinary text
    out = out.split(secret).join('***');
  }
  return out;
}

/**
 * The secret parts of a remote URL (user name and password of an http-like URL, each also
 * percent-decoded), for `redact`'s `extra`. A path or an scp-like `user@host:path` has none.
 */
export function urlSecrets(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const parts = LOGIN_ONLY_SCHEMES.test(`${parsed.protocol}//`)
    ? [parsed.password]
    : [parsed.username, parsed.password];
  const out = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    out.add(part);
    try {
      out.add(decodeURIComponent(part));
    } catch {
      // a malformed escape: the raw form is already in the set
    }
  }
  return [...out];
}

/** git's first meaningful line of stderr (`fatal: …`), for a one-line message. */
export function firstLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  return lines.find((line) => /^(fatal|error):/.test(line)) ?? lines.find((line) => line !== '') ?? '';
}

/**
 * Why a fetch, ls-remote or push could not talk to the remote. git exits 128 for all of these, so the
 * exit code cannot tell a refused login from a dead network; git runs with LC_ALL=C (git-runner.ts), so
 * its messages are the untranslated ones from its own source, and these few are stable across versions.
 * Anything not recognised as a login problem counts as unreachable: the caller keeps its commits and
 * tries again later, which is the safe reading of an unknown failure.
 */
export function classifyTransportFailure(stderr: string): 'AUTH' | 'UNREACHABLE' {
  const authMarkers = [
    'Authentication failed',
    'could not read Username',
    'could not read Password',
    'terminal prompts disabled',
    'Permission denied (publickey',
    'HTTP Basic: Access denied',
    'The requested URL returned error: 401',
    'The requested URL returned error: 403',
  ];
  return authMarkers.some((marker) => stderr.includes(marker)) ? 'AUTH' : 'UNREACHABLE';
}

export function transportError(action: string, url: string, stderr: string): GitError {
  const code = classifyTransportFailure(stderr);
  const why = firstLine(stderr) || 'git gave no reason';
  const advice =
    code === 'AUTH'
      ? 'Check that your SSH key or git credential helper gives access to it; Keyhaven never asks for a password.'
      : 'Your changes are kept and sent at the next sync.';
  return new GitError(code, `Keyhaven could not ${action} the team repository ${url} (${why}). ${advice}`, stderr);
}
