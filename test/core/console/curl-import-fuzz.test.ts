import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCurl } from '../../../shared/console/curl-import';
import { allCurlOptions } from '../../../shared/console/curl-option-table';

/**
 * Issue 16's fuzzing bar: no input makes the importer throw, and none sends a key anywhere but the
 * command's own URL. Options come from curl's whole table (long and short forms, with and without a
 * value), values from a pool holding other hosts, so a value ever read as the URL would show.
 */
const KEY = 'sk_live_fuzz_4eC39HqLyjWDarjtT1zdp7dc';
const HOME = 'https://api.example.com/v1/items';
const options = allCurlOptions();
const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

const values = fc.constantFrom(
  'https://evil.example.net/steal',
  'evil.example.net',
  'report.csv',
  '@report.csv',
  'a=b',
  '-H',
  '--url',
  'x-api-key: other',
  '',
  '10',
  'https://evil.example.net/?api_key=x',
);
const optionWord = fc
  .record({ index: fc.nat(options.length - 1), long: fc.boolean(), value: values })
  .map(({ index, long, value }) => {
    const option = options[index] as (typeof options)[number];
    const name = long || option.short === null ? `--${option.name}` : `-${option.short}`;
    return option.kind === 'value' ? `${name} ${quote(value)}` : name;
  });
// A stray word is a URL to curl (the import then names two URLs and is refused); a stray `-H` would
// make the next word its value in curl as well, so words that start with - only come with their option.
const strayWord = values.filter((value) => !value.startsWith('-')).map(quote);
const word = fc.oneof(optionWord, strayWord, fc.constantFrom('|', '&&', ';', '\\\n', '#', '--next', '-:'));

describe('importCurl under fuzzing', () => {
  it('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const result = importCurl(`curl ${text}`);
        expect(typeof result.ok).toBe('boolean');
        expect(typeof importCurl(text).ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  it('a key goes to the command’s URL or the import is refused — never to another host', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.array(word, { maxLength: 8 }), (before, after) => {
        const command = ['curl', ...before, quote(HOME), '-H', quote(`x-api-key: ${KEY}`), ...after].join(' ');
        const result = importCurl(command);
        if (!result.ok) {
          expect(result.error).not.toContain(KEY);
          return;
        }
        const carriesKey =
          (result.request.auth.kind === 'typed' && result.request.auth.key.includes(KEY)) ||
          result.request.headers.some((row) => row.value.includes(KEY)) ||
          result.request.url.includes(KEY);
        if (carriesKey) expect(new URL(result.request.url).hostname, command).toBe('api.example.com');
        expect(result.notes.join(' ')).not.toContain(KEY);
      }),
      { numRuns: 4000 },
    );
  });
});
