import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONCEALED, SecretMasker } from '../../../electron/cli/run/secret-masker';

/** Feeds `chunks` through a fresh masker and returns everything it emitted, flush included. */
async function mask(secrets: readonly string[], chunks: readonly Buffer[]): Promise<string> {
  const masker = new SecretMasker(secrets);
  const output: Buffer[] = [];
  masker.on('data', (chunk: Buffer) => output.push(chunk));
  const ended = new Promise((resolve) => masker.on('end', resolve));
  for (const chunk of chunks) masker.write(chunk);
  masker.end();
  await ended;
  return Buffer.concat(output).toString('utf8');
}

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('SecretMasker', () => {
  it('conceals every occurrence of every secret', async () => {
    expect(await mask(['s3cret', 'tok'], [bytes('a s3cret, tok and s3cret again')])).toBe(
      `a ${CONCEALED}, ${CONCEALED} and ${CONCEALED} again`,
    );
  });

  it('conceals a secret split across many chunks', async () => {
    const chunks = [...'key=s3cret;'].map(bytes);
    expect(await mask(['s3cret'], chunks)).toBe(`key=${CONCEALED};`);
  });

  it('passes a prompt through at once and holds back only a possible start of a secret', () => {
    const masker = new SecretMasker(['s3cret']);
    masker.write(bytes('Password: s3'));
    expect(String(masker.read())).toBe('Password: ');
    masker.write(bytes('x\n'));
    expect(String(masker.read())).toBe('s3x\n');
  });

  it('emits a held tail that never became a secret when the stream ends', async () => {
    expect(await mask(['s3cret'], [bytes('ends with s3c')])).toBe('ends with s3c');
  });

  it('lets the longer of two secrets that start together win', async () => {
    expect(await mask(['abc', 'abcdef'], [bytes('abcdef abc')])).toBe(`${CONCEALED} ${CONCEALED}`);
    expect(await mask(['abc', 'abcdef'], [bytes('ab'), bytes('cd'), bytes('ef')])).toBe(CONCEALED);
  });

  it('conceals overlapping occurrences as one, so no part of either shows', async () => {
    expect(await mask(['abc', 'bcdef'], [bytes('xabcdefx')])).toBe(`x${CONCEALED}x`);
    expect(await mask(['aa'], [bytes('a'), bytes('aa'), bytes('b')])).toBe(`${CONCEALED}b`);
  });

  it('ignores empty secrets and copes with duplicates', async () => {
    expect(await mask(['', 'pw', 'pw'], [bytes('a pw b')])).toBe(`a ${CONCEALED} b`);
    expect(await mask([''], [bytes('untouched')])).toBe('untouched');
  });

  it('keeps multibyte characters intact when chunks split them', async () => {
    const text = bytes('€ 😀 clé=mötörhead €');
    const chunks = Array.from({ length: text.length }, (_, index) => text.subarray(index, index + 1));
    expect(await mask(['mötörhead'], chunks)).toBe(`€ 😀 clé=${CONCEALED} €`);
  });

  // Characters that do not occur in CONCEALED, so a secret found in the output can only be a leak.
  const character = fc.constantFrom('x', 'q', 'z', '1', '2', 'é', '€', '😀', '\n', '-');
  const secretsAndText = fc
    .record({
      secrets: fc.array(fc.string({ unit: character, minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
      pieces: fc.array(fc.oneof(fc.string({ unit: character, maxLength: 8 }), fc.nat()), { maxLength: 12 }),
      cuts: fc.array(fc.nat(), { maxLength: 20 }),
    })
    .map(({ secrets, pieces, cuts }) => {
      const text = bytes(
        pieces.map((piece) => (typeof piece === 'number' ? secrets[piece % secrets.length] : piece)).join(''),
      );
      const boundaries = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
      const chunks = [0, ...boundaries].map((start, index) => text.subarray(start, boundaries[index] ?? text.length));
      return { secrets, text, chunks };
    });

  it('gives the same output however the text is chunked, and never shows a secret', async () => {
    await fc.assert(
      fc.asyncProperty(secretsAndText, async ({ secrets, text, chunks }) => {
        const whole = await mask(secrets, [text]);
        expect(await mask(secrets, chunks)).toBe(whole);
        for (const secret of secrets) expect(whole).not.toContain(secret);
      }),
      { numRuns: 500 },
    );
  });
});
