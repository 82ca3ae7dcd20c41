import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatSecretReference,
  isSecretReference,
  parseSecretReference,
  REFERENCE_FIELDS,
  ReferenceSyntaxError,
} from '../../../shared/domain/secret-reference';

describe('secret references', () => {
  it('parses vault, entry and field', () => {
    expect(parseSecretReference('kh://Personal/Stripe')).toEqual({
      vault: 'Personal',
      entry: 'Stripe',
      field: 'key',
      text: 'kh://Personal/Stripe',
    });
    for (const field of ['header', 'scheme', 'base-url'] as const)
      expect(parseSecretReference(`kh://Personal/Stripe/${field}`).field).toBe(field);
  });

  it('decodes percent-encoded names', () => {
    expect(parseSecretReference('kh://Team%20keys/Deploy%2Fprod/header')).toMatchObject({
      vault: 'Team keys',
      entry: 'Deploy/prod',
      field: 'header',
    });
  });

  it('formats awkward names so they stay one path segment each', () => {
    expect(formatSecretReference('Team keys', 'Deploy/prod')).toBe('kh://Team%20keys/Deploy%2Fprod');
    expect(formatSecretReference('100%', 'a?b#c')).toBe('kh://100%25/a%3Fb%23c');
    expect(formatSecretReference('V', 'E', 'base-url')).toBe('kh://V/E/base-url');
  });

  it.each([
    'kh:/x',
    'kh://a',
    'kh://a/',
    'kh:///b',
    'kh://a/b/c/d',
    'kh://a/b/password',
    'kh://a/b/key',
    'kh://a/%ZZ',
    'kh://%E0%A4%A/b',
    'op://a/b',
    '',
  ])('refuses %j with a ReferenceSyntaxError', (text) => {
    expect(() => parseSecretReference(text)).toThrow(ReferenceSyntaxError);
  });

  it('shortens a very long malformed reference in its message', () => {
    const long = `kh://${'v'.repeat(5000)}`;
    try {
      parseSecretReference(long);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReferenceSyntaxError);
      expect((error as Error).message.length).toBeLessThan(500);
    }
  });

  it('isSecretReference is true only for kh://', () => {
    expect(isSecretReference('kh://a/b')).toBe(true);
    expect(isSecretReference('KH://a/b')).toBe(false);
    expect(isSecretReference('https://a/b')).toBe(false);
  });

  it('round-trips any non-empty names and every field (property)', () => {
    const name = fc.string({ minLength: 1, unit: 'grapheme' });
    fc.assert(
      fc.property(name, name, fc.constantFrom(...REFERENCE_FIELDS), (vault, entry, field) => {
        const text = formatSecretReference(vault, entry, field);
        expect(isSecretReference(text)).toBe(true);
        expect(parseSecretReference(text)).toEqual({ vault, entry, field, text });
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips names made of the characters that need escaping (property)', () => {
    const awkward = fc.string({
      minLength: 1,
      unit: fc.constantFrom('/', '%', ' ', '?', '#', ':', '@', '\\', '"', "'", '\n', '\t', '&', '+', 'é', '🔑', 'a'),
    });
    fc.assert(
      fc.property(awkward, awkward, (vault, entry) => {
        const parsed = parseSecretReference(formatSecretReference(vault, entry));
        expect([parsed.vault, parsed.entry, parsed.field]).toEqual([vault, entry, 'key']);
      }),
      { numRuns: 500 },
    );
  });

  it('a name that looks like a field is still an entry name', () => {
    expect(parseSecretReference(formatSecretReference('header', 'scheme'))).toMatchObject({
      vault: 'header',
      entry: 'scheme',
      field: 'key',
    });
  });
});
