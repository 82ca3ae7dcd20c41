import { describe, expect, it } from 'vitest';
import { deriveKeyPrefix, KEY_PREFIX_PATTERN } from '../../../shared/domain/app';
import { createAppInputSchema } from '../../../shared/domain/app';

describe('deriveKeyPrefix', () => {
  it.each([
    ['Pyas', 'pyas'],
    ['nexos.ai', 'nexosai'],
    ['My App 2', 'myapp2'],
    ['2fa service', 'app2faservice'],
    ['Crème Brûlée', 'cremebrulee'],
    ['ℵ', 'app'],
    ['A very long application name indeed', 'averylongapplica'],
  ])('%s → %s', (name, prefix) => {
    expect(deriveKeyPrefix(name)).toBe(prefix);
    expect(deriveKeyPrefix(name)).toMatch(KEY_PREFIX_PATTERN);
  });
});

describe('app name validation', () => {
  it('trims and requires a name', () => {
    expect(createAppInputSchema.safeParse({ name: '  Pyas ' }).data).toEqual({ name: 'Pyas' });
    expect(createAppInputSchema.safeParse({ name: '   ' }).error?.issues[0]?.message).toBe('App name is required.');
  });

  it('rejects control characters, over-long names and unknown fields', () => {
    expect(createAppInputSchema.safeParse({ name: 'a\u0007b' }).success).toBe(false);
    expect(createAppInputSchema.safeParse({ name: 'x'.repeat(81) }).error?.issues[0]?.message).toBe(
      'App name can be at most 80 characters.',
    );
    expect(createAppInputSchema.safeParse({ name: 'ok', admin: true }).success).toBe(false);
  });
});
