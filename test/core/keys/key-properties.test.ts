import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BASE62 } from '../../../electron/core/keys/base62';
import * as keyFormat from '../../../electron/core/keys/key-format';
import { generateInput } from '../../support/generate-input';
import { openTestCore, type TestCore } from '../../support/open-test-core';

describe('issued keys, property-based, through the real core', () => {
  let t: TestCore;
  let appId: string;
  const issued: string[] = [];

  beforeAll(async () => {
    t = await openTestCore();
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
    for (let i = 0; i < 40; i += 1)
      issued.push((await t.core.keys.generate(generateInput(appId, { name: `k${i}` }))).plaintext);
  });
  afterAll(() => t.dispose());

  it('every generated key parses and verifies', async () => {
    for (const plaintext of issued) {
      expect(keyFormat.parseKey(plaintext)).not.toBeNull();
      expect((await t.core.keys.verifyKey(plaintext)).code).toBe('VALID');
    }
  });

  it('any single-character change is rejected as MALFORMED or NOT_FOUND', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...issued),
        fc.nat(),
        fc.constantFrom(...BASE62, '_', '.', '-', ' ', 'é'),
        async (plaintext, at, ch) => {
          const i = at % plaintext.length;
          fc.pre(plaintext[i] !== ch);
          const changed = plaintext.slice(0, i) + ch + plaintext.slice(i + 1);
          expect(['MALFORMED', 'NOT_FOUND']).toContain((await t.core.keys.verifyKey(changed)).code);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('checks key ids for uniqueness on insert and retries a collision', async () => {
    const taken = t.core.keys.list(appId)[0]?.keyId as string;
    const spy = vi.spyOn(keyFormat, 'newKeyId');
    spy.mockReturnValueOnce(taken).mockReturnValueOnce(taken);
    const { key } = await t.core.keys.generate(generateInput(appId, { name: 'after collisions' }));
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(key.keyId).not.toBe(taken);
    const ids = t.core.keys.list(appId).map((k) => k.keyId);
    expect(new Set(ids).size).toBe(ids.length);
    spy.mockRestore();
  });
});
