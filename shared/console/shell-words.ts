/**
 * A pasted command split into words the way bash would split it, without running anything: single
 * and double quotes, `$'…'` (ANSI-C escapes), backslashes, backslash-newline continuations (removed
 * outside single quotes, as bash removes them), comments, and the operators that separate commands
 * (newline ; & && || |) or redirect them (< > >>). `$VAR`, `${VAR}` and `$(…)` are kept as written and
 * the word is marked: nothing is expanded. The Windows forms of a continuation (cmd's `^`,
 * PowerShell's backtick, at the end of a line) count as one too, since API docs print them.
 *
 * Total: any input gives tokens or a reason (an unclosed quote), never an exception.
 */
export type ShellToken =
  { kind: 'word'; text: string; expands: boolean } | { kind: 'op'; op: ShellOperator } | { kind: 'comment' };

export type ShellOperator = '\n' | ';' | '&' | '&&' | '||' | '|' | '<' | '>' | '>>' | '(' | ')';

export type ShellWords = { ok: true; tokens: ShellToken[] } | { ok: false; error: string };

const OPERATORS: readonly ShellOperator[] = ['&&', '||', '>>', '\n', ';', '&', '|', '<', '>', '(', ')'];
const ANSI_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

export function shellWords(text: string): ShellWords {
  const tokens: ShellToken[] = [];
  let word: string | null = null;
  let expands = false;
  let at = 0;
  const endWord = () => {
    if (word !== null) tokens.push({ kind: 'word', text: word, expands });
    word = null;
    expands = false;
  };
  const append = (chars: string) => {
    word = (word ?? '') + chars;
  };
  while (at < text.length) {
    const c = text[at] as string;
    const next = text[at + 1];
    if (continuation(text, at)) {
      at += text[at + 1] === '\r' ? 3 : 2;
      if (c !== '\\') endWord(); // `^` and the backtick stand for a space; a backslash joins the lines
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      at += 1;
      continue;
    }
    if (c === '#' && word === null) {
      while (at < text.length && text[at] !== '\n') at += 1;
      tokens.push({ kind: 'comment' });
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, at));
    if (op !== undefined) {
      // `2>/dev/null`: the digits are the redirected descriptor, not a word of the command.
      if ((op === '>' || op === '>>' || op === '<') && /^[0-9]+$/.test(word ?? '')) word = null;
      endWord();
      tokens.push({ kind: 'op', op });
      at += op.length;
      continue;
    }
    if (c === '\\') {
      if (next !== undefined) append(next);
      at += 2;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", at + 1);
      if (close === -1) return unclosed("'");
      append(text.slice(at + 1, close));
      at = close + 1;
      continue;
    }
    if (c === '$' && next === "'") {
      const read = ansiQuoted(text, at + 2);
      if (read === null) return unclosed("$'");
      append(read.text);
      at = read.end;
      continue;
    }
    if (c === '"' || (c === '$' && next === '"')) {
      const read = doubleQuoted(text, at + (c === '$' ? 2 : 1));
      if (read === null) return unclosed('"');
      append(read.text);
      expands ||= read.expands;
      at = read.end;
      continue;
    }
    if (c === '$' || c === '`') expands = true;
    append(c);
    at += 1;
  }
  endWord();
  return { ok: true, tokens };
}

const unclosed = (quote: string): ShellWords => ({
  ok: false,
  error: `This command could not be read: a ${quote} quote is never closed.`,
});

/** A line-ending backslash (bash), `^` (cmd) or backtick (PowerShell), with LF or CRLF. */
function continuation(text: string, at: number): boolean {
  const c = text[at];
  if (c !== '\\' && c !== '^' && c !== '`') return false;
  return text[at + 1] === '\n' || (text[at + 1] === '\r' && text[at + 2] === '\n');
}

/** Inside "…": backslash escapes only $ ` " \ and newline (which it removes); the rest is literal. */
function doubleQuoted(text: string, from: number): { text: string; end: number; expands: boolean } | null {
  let out = '';
  let expands = false;
  for (let at = from; at < text.length; at += 1) {
    const c = text[at] as string;
    if (c === '"') return { text: out, end: at + 1, expands };
    if (c === '\\') {
      const next = text[at + 1];
      if (next === '\n') {
        at += 1;
        continue;
      }
      if (next === '\r' && text[at + 2] === '\n') {
        at += 2;
        continue;
      }
      if (next !== undefined && '$`"\\'.includes(next)) {
        out += next;
        at += 1;
        continue;
      }
    }
    if (c === '$' || c === '`') expands = true;
    out += c;
  }
  return null;
}

/** Inside $'…': C escapes (\n, \t, \xHH, \uHHHH, \0NNN …); a backslash before anything else stays. */
function ansiQuoted(text: string, from: number): { text: string; end: number } | null {
  let out = '';
  for (let at = from; at < text.length; at += 1) {
    const c = text[at] as string;
    if (c === "'") return { text: out, end: at + 1 };
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = text[at + 1];
    if (e === undefined) return null;
    const simple = ANSI_ESCAPES[e];
    const hex = /^(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|[0-7]{1,3})/.exec(text.slice(at + 1))?.[0];
    if (simple !== undefined) {
      out += simple;
      at += 1;
    } else if (hex !== undefined) {
      const code = /^[0-7]/.test(hex) ? parseInt(hex, 8) : parseInt(hex.slice(1), 16);
      out += code <= 0x10ffff ? String.fromCodePoint(code) : '';
      at += hex.length;
    } else {
      out += `\\${e}`;
      at += 1;
    }
  }
  return null;
}
