import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellWords, type ShellToken } from '../../../shared/console/shell-words';

/** The words of `text`, or the error; operators as `<op>`. */
function words(text: string): string[] | string {
  const read = shellWords(text);
  if (!read.ok) return read.error;
  return read.tokens.map((token: ShellToken) =>
    token.kind === 'word' ? token.text : token.kind === 'op' ? `<${token.op}>` : '<#>',
  );
}

describe('shellWords: a paste split as bash splits it', () => {
  it('quotes: single literal, double with its four escapes, $ANSI-C', () => {
    expect(words(`curl 'a \\ "b"' "c \\" \\$ \\\\ \\q" $'d\\n\\t\\x41\\'e'`)).toEqual([
      'curl',
      'a \\ "b"',
      'c " $ \\ \\q',
      "d\n\tA'e",
    ]);
    expect(words(`-d 'it'\\''s'`)).toEqual(['-d', "it's"]);
  });

  it('backslash-newline: removed outside quotes and inside double quotes, kept inside single quotes', () => {
    expect(words('curl \\\n  -d "a\\\nb" \'c\\\nd\'')).toEqual(['curl', '-d', 'ab', 'c\\\nd']);
    expect(words('curl foo\\\nbar')).toEqual(['curl', 'foobar']);
    expect(words('curl a \\\r\n -H x')).toEqual(['curl', 'a', '-H', 'x']);
    expect(words('curl a ^\r\n -H x `\n -d y')).toEqual(['curl', 'a', '-H', 'x', '-d', 'y']);
  });

  it('comments at a word start, operators between commands, redirections', () => {
    expect(words('# hi\ncurl a#b # c\ncurl d')).toEqual(['<#>', '<\n>', 'curl', 'a#b', '<#>', '<\n>', 'curl', 'd']);
    expect(words('echo x | curl a && b || c; d & e')).toEqual([
      'echo',
      'x',
      '<|>',
      'curl',
      'a',
      '<&&>',
      'b',
      '<||>',
      'c',
      '<;>',
      'd',
      '<&>',
      'e',
    ]);
    expect(words('curl a > out.json 2>/dev/null')).toEqual(['curl', 'a', '<>>', 'out.json', '<>>', '/dev/null']);
  });

  it('variables are kept as written and the word is marked', () => {
    const read = shellWords(`curl "$BASE/x" '$NOT' \${Y}`);
    expect(read).toEqual({
      ok: true,
      tokens: [
        { kind: 'word', text: 'curl', expands: false },
        { kind: 'word', text: '$BASE/x', expands: true },
        { kind: 'word', text: '$NOT', expands: false },
        { kind: 'word', text: '${Y}', expands: true },
      ],
    });
  });

  it('an unclosed quote is a reason, not an exception', () => {
    expect(words(`curl 'a`)).toContain('never closed');
    expect(words(`curl "a`)).toContain('never closed');
    expect(words(`curl $'a`)).toContain('never closed');
  });

  it('never throws, whatever the input (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...`ab -'"\\$\`#|&;<>(){}[]\n\r\t^=:@x`.split('')), maxLength: 80 }),
        (text) => {
          const read = shellWords(text);
          expect(typeof read.ok).toBe('boolean');
        },
      ),
      { numRuns: 3000 },
    );
  });
});
