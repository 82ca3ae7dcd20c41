import { describe, expect, it } from 'vitest';
import { newEntryInputSchema } from '../../../shared/domain/vault';
import { nameSchema } from '../../../shared/domain/text';
import { createAppInputSchema } from '../../../shared/domain/app';

const name = nameSchema('Name', 100);

describe('names refuse characters that let one name pose as another', () => {
  it.each([
    ['a right-to-left override', 'Pyas \u202Eyek-dorp'],
    ['a left-to-right isolate', 'Pyas\u2066 prod'],
    ['a right-to-left mark', 'Pyas\u200F prod'],
    ['a zero-width space', 'Py\u200Bas'],
    ['a zero-width joiner between letters', 'Py\u200Das'],
    ['a zero-width non-joiner between Latin letters', 'Py\u200Cas'],
    ['a word joiner', 'Py\u2060as'],
    ['a byte-order mark inside', 'Py\uFEFFas'],
    ['a soft hyphen', 'Py\u00ADas'],
    ['a lone surrogate', 'Pyas \uD83D'],
    ['a lone low surrogate', 'Pyas \uDE00 prod'],
  ])('refuses %s', (_what, value) => {
    const result = name.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'Name cannot contain invisible or direction-changing characters: they let one name pose as another.',
    );
  });

  it.each([
    ['accents and other scripts', 'Café Zürich — 東京 — Ελλάδα'],
    ['an emoji sequence joined by zero-width joiners', 'Dev 👩‍💻 team'],
    ['a flag and a skin tone', '🇩🇪 Team 👍🏽'],
    ['a Persian word written with a zero-width non-joiner', 'می‌خواهم'],
    ['right-to-left text itself', 'מפתח ייצור'],
  ])('accepts %s', (_what, value) => {
    expect(name.safeParse(value).success).toBe(true);
  });

  it('applies to entry names, services and tags, and to app names', () => {
    const vaultId = crypto.randomUUID();
    for (const field of [{ name: 'A\u202Eb' }, { service: 'A\u200Bb' }, { tags: ['prod\u2066'] }]) {
      expect(
        newEntryInputSchema.safeParse({ vaultId, name: 'ok', secret: 'k', ...field }).success,
        JSON.stringify(field),
      ).toBe(false);
    }
    expect(createAppInputSchema.safeParse({ name: 'Py\u200Bas' }).success).toBe(false);
  });
});
