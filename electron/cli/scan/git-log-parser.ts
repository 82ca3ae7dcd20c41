/**
 * Reads the output of `git log -p -U0 --format=%x00%H` line by line and hands on every added line
 * with its commit, its file and its line number in that commit's version of the file. Kept apart from
 * the process that produces the text so that its grammar can be tested on plain strings.
 */

/** One line a commit added, as the commit's version of the file has it. */
export interface AddedLine {
  commit: string;
  file: string;
  line: number;
  text: string;
}

/** The commit marker line: a NUL (never the first byte of a diff line) then the full hash. */
export const COMMIT_MARKER = '\0';
/** Findings name a commit by 12 hex digits: unambiguous in practice, short enough to read. */
const SHORT_HASH_LENGTH = 12;
/** `@@ -a[,b] +c[,d] @@`: c is the first added line's number in the new version. */
const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export class GitLogParser {
  commits = 0;
  private commit = '';
  private file: string | null = null;
  /** Between a hunk header and the next file or commit, '+' lines are content, not `+++` headers. */
  private inHunk = false;
  private nextLine = 0;

  constructor(private readonly onAddedLine: (added: AddedLine) => void) {}

  /** One output line, without its line feed. */
  push(line: string): void {
    if (line.startsWith(COMMIT_MARKER)) {
      this.commit = line.slice(1, 1 + SHORT_HASH_LENGTH);
      this.commits += 1;
      this.file = null;
      this.inHunk = false;
    } else if (line.startsWith('diff --git ')) {
      this.file = null;
      this.inHunk = false;
    } else if (line.startsWith('@@ ')) {
      const header = HUNK_HEADER.exec(line);
      this.inHunk = header !== null;
      this.nextLine = header === null ? 0 : Number(header[1]);
    } else if (this.inHunk) {
      this.hunkLine(line);
    } else if (line.startsWith('+++ ')) {
      this.file = newFilePath(line.slice(4));
    }
  }

  private hunkLine(line: string): void {
    // '-' lines were removed and '\ No newline at end of file' is a remark: neither moves the count.
    if (!line.startsWith('+')) return;
    if (this.file !== null) {
      this.onAddedLine({ commit: this.commit, file: this.file, line: this.nextLine, text: line.slice(1) });
    }
    this.nextLine += 1;
  }
}

/**
 * The path of a `+++ ` header: `b/<path>`, or `/dev/null` for a deleted file (null: nothing is
 * added). Git appends a tab after a path holding a space, and C-quotes a path holding a quote,
 * a backslash or a control character.
 */
function newFilePath(header: string): string | null {
  const raw = header.startsWith('"') ? unquoteC(header) : header.replace(/\t$/, '');
  if (raw === '/dev/null') return null;
  return raw.startsWith('b/') ? raw.slice(2) : raw;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Git's C-style quoting undone: escapes and octal byte values, the bytes read as UTF-8. */
function unquoteC(quoted: string): string {
  const bytes: number[] = [];
  const end = quoted.lastIndexOf('"');
  for (let i = 1; i < end; i += 1) {
    const char = quoted[i] as string;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = quoted[i + 1] as string;
    const octal = /^[0-7]{3}/.exec(quoted.slice(i + 1, i + 4));
    if (octal !== null) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
