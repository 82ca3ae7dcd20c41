import { describe, expect, it } from 'vitest';
import { type AddedLine, GitLogParser } from '../../../electron/cli/scan/git-log-parser';

function parse(log: string): { added: AddedLine[]; commits: number } {
  const added: AddedLine[] = [];
  const parser = new GitLogParser((line) => added.push(line));
  for (const line of log.split('\n')) parser.push(line);
  return { added, commits: parser.commits };
}

const HASH_A = 'a'.repeat(40);
const HASH_B = 'b'.repeat(40);

describe('GitLogParser', () => {
  it('numbers added lines from the hunk header and reads header-like content as content', () => {
    const log = [
      `\0${HASH_A}`,
      '',
      'diff --git a/src/x.ts b/src/x.ts',
      'index 1..2 100644',
      '--- a/src/x.ts',
      '+++ b/src/x.ts',
      '@@ -3 +3,2 @@',
      '-old',
      '+new three',
      '++++ b/looks-like-a-header',
      '\\ No newline at end of file',
      '@@ -10,0 +12 @@',
      '+twelve',
    ].join('\n');
    expect(parse(log).added).toEqual([
      { commit: 'aaaaaaaaaaaa', file: 'src/x.ts', line: 3, text: 'new three' },
      { commit: 'aaaaaaaaaaaa', file: 'src/x.ts', line: 4, text: '+++ b/looks-like-a-header' },
      { commit: 'aaaaaaaaaaaa', file: 'src/x.ts', line: 12, text: 'twelve' },
    ]);
  });

  it('unquotes C-quoted paths, drops the tab after a path with a space, ignores deleted files', () => {
    const log = [
      `\0${HASH_A}`,
      'diff --git "a/q\\"t\\303\\274.txt" "b/q\\"t\\303\\274.txt"',
      '--- /dev/null',
      '+++ "b/q\\"t\\303\\274.txt"',
      '@@ -0,0 +1 @@',
      '+one',
      `\0${HASH_B}`,
      'diff --git a/a b.txt b/a b.txt',
      '--- /dev/null',
      '+++ b/a b.txt\t',
      '@@ -0,0 +1 @@',
      '+two',
      'diff --git a/gone.txt b/gone.txt',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-removed',
    ].join('\n');
    const { added, commits } = parse(log);
    expect(added.map((line) => [line.commit, line.file, line.text])).toEqual([
      ['aaaaaaaaaaaa', 'q"tü.txt', 'one'],
      ['bbbbbbbbbbbb', 'a b.txt', 'two'],
    ]);
    expect(commits).toBe(2);
  });
});
