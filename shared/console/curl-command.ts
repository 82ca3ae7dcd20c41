import { shellWords, type ShellToken } from './shell-words';

/**
 * The one curl command a paste is imported as (issue 16 §3). Pastes from docs carry more: comment
 * lines and a `#!/bin/bash` line, `echo … |` in front, `| jq` or `&& echo done` behind, several curl
 * commands one per line or joined with `--next`. The first curl command is imported, up to its first
 * `--next`; everything else is named in a note, never merged into it.
 */
export type CurlCommand =
  | {
      ok: true;
      /** The words after `curl`, up to its first --next. */
      args: { text: string; expands: boolean }[];
      /** What reaches curl's standard input: the text an `echo`/`printf` in front of it prints. */
      stdin: string | null;
      notes: string[];
    }
  | { ok: false; error: string };

export const NOT_CURL = 'This is not a curl command: paste a command that starts with curl.';

type Word = { text: string; expands: boolean };
interface Simple {
  words: Word[];
  /** The operator that ended it: `|` pipes it into the next command. */
  then: string | null;
}

export function pickCurlCommand(text: string): CurlCommand {
  const read = shellWords(text);
  if (!read.ok) return read;
  const notes: string[] = [];
  const commands = simpleCommands(read.tokens, notes);
  const index = commands.findIndex((command) => isCurl(command.words[0]?.text));
  const curl = commands[index];
  if (curl === undefined) return { ok: false, error: NOT_CURL };
  if (read.tokens.some((token, i) => token.kind === 'comment' && i < firstWordIndex(read.tokens))) {
    notes.push('Comment lines before the command were skipped.');
  }
  const before = commands.slice(0, index);
  const feeder = before.at(-1)?.then === '|' ? before.at(-1) : undefined;
  const stdin = feeder ? printed(feeder.words) : null;
  if (feeder) {
    notes.push(`What curl reads from its input was taken from the "${feeder.words[0]?.text ?? ''} …" in front of it.`);
  }
  if (before.length > (feeder ? 1 : 0))
    notes.push('Only the curl command was imported; the commands before it were skipped.');
  const after = commands.slice(index + 1);
  const moreCurls = after.filter((command) => isCurl(command.words[0]?.text)).length;
  if (moreCurls > 0) {
    notes.push(
      `This paste holds ${moreCurls + 1} curl commands: only the first was imported. Import the others one at a time.`,
    );
  } else if (after.length > 0)
    notes.push('What followed the curl command was left out (it does not change the request).');
  const args = curl.words.slice(1);
  const next = args.findIndex((word) => word.text === '--next' || word.text === '-:');
  if (next !== -1) {
    notes.push('This command sends several requests (--next): only the first was imported.');
    return { ok: true, args: args.slice(0, next), stdin, notes };
  }
  return { ok: true, args, stdin, notes };
}

const isCurl = (word: string | undefined): boolean => word !== undefined && /(^|[/\\])curl(\.exe)?$/i.test(word);

function firstWordIndex(tokens: readonly ShellToken[]): number {
  const index = tokens.findIndex((token) => token.kind === 'word');
  return index === -1 ? tokens.length : index;
}

/** Splits at command separators; a redirection (`> out.json`, `2>&1`) is dropped with its target. */
function simpleCommands(tokens: readonly ShellToken[], notes: string[]): Simple[] {
  const commands: Simple[] = [];
  let words: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as ShellToken;
    if (token.kind === 'word') words.push({ text: token.text, expands: token.expands });
    else if (token.kind === 'op' && (token.op === '<' || token.op === '>' || token.op === '>>')) {
      if (tokens[i + 1]?.kind === 'op' && (tokens[i + 1] as { op: string }).op === '&') i += 1; // >&1
      if (tokens[i + 1]?.kind === 'word') i += 1;
      if (token.op === '<') notes.push('An input redirection (<) was left out.');
    } else if (token.kind === 'op' && token.op !== '(' && token.op !== ')') {
      if (words.length > 0) commands.push({ words, then: token.op });
      words = [];
    }
  }
  if (words.length > 0) commands.push({ words, then: null });
  return commands;
}

/** What `echo …` or `printf '%s' …` prints (echo adds a newline), or null for anything else. */
function printed(words: readonly Word[]): string | null {
  const [command, ...args] = words;
  if (command?.text === 'echo') {
    const noNewline = args[0]?.text === '-n';
    const text = (noNewline ? args.slice(1) : args).map((word) => word.text).join(' ');
    return noNewline ? text : `${text}\n`;
  }
  if (command?.text === 'printf' && args.length === 1 && !/[%\\]/.test(args[0]?.text ?? '')) {
    return args[0]?.text ?? null;
  }
  return null;
}
