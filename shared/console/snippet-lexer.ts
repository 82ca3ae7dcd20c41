/**
 * Just enough of a lexer to find the string literals in a generated snippet, so snippets.ts can
 * rewrite the literal that holds the key placeholder. Not a general parser: it knows the quoting
 * httpsnippet emits (shell: '…' without escapes, "…" and \x outside quotes; JavaScript: '…', "…", `…`
 * with backslash escapes and // comments; Python: '…', "…" with backslash escapes and # comments).
 */
export type SnippetLanguage = 'shell' | 'js' | 'python';

/** A literal from its opening quote (start) to just after its closing quote (end); quote '' = a bare word. */
export interface Span {
  start: number;
  end: number;
  quote: '' | "'" | '"' | '`';
}

export function literalSpans(code: string, language: SnippetLanguage): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < code.length) {
    const char = code[i];
    if (language === 'shell' && char === '\\') {
      i += 2;
    } else if ((language === 'python' || language === 'shell') && char === '#' && startsWord(code, i, language)) {
      i = lineEnd(code, i);
    } else if (language === 'js' && char === '/' && code[i + 1] === '/') {
      i = lineEnd(code, i);
    } else if (char === "'" || char === '"' || (char === '`' && language === 'js')) {
      const end = closing(code, i, char, language === 'shell' && char === "'" ? false : true);
      spans.push({ start: i, end, quote: char });
      i = end;
    } else {
      i += 1;
    }
  }
  return spans;
}

/** Index just after the closing quote (or the end of the text if it never closes). */
function closing(code: string, open: number, quote: string, escapes: boolean): number {
  for (let i = open + 1; i < code.length; i++) {
    if (escapes && code[i] === '\\') i++;
    else if (code[i] === quote) return i + 1;
  }
  return code.length;
}

function lineEnd(code: string, from: number): number {
  const newline = code.indexOf('\n', from);
  return newline === -1 ? code.length : newline;
}

/** A shell `#` starts a comment only at the start of a word. */
function startsWord(code: string, at: number, language: SnippetLanguage): boolean {
  return language === 'python' || at === 0 || /\s/.test(code[at - 1] ?? ' ');
}
