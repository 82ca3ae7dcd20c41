import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKey } from '../../../electron/core/keys/key-format';
import { createDigestCheck } from '../../../shared/verify/digest';

describe('the digest check (HMAC-SHA-256 from precomputed states)', () => {
  it('matches exactly the HMAC node:crypto computes, for any secret and any text (short ASCII or not)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 96 }),
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        (secret, text) => {
          const check = createDigestCheck(secret);
          const right = createHmac('sha256', secret).update(text).digest();
          expect(check.matches(text, right)).toBe(true);
          const wrong = Buffer.from(right);
          wrong[0] = (wrong[0] as number) ^ 1;
          expect(check.matches(text, wrong)).toBe(false);
          expect(check.matches(text, right.subarray(0, 31))).toBe(false);
        },
      ),
    );
  });

  it('keeps no state from one check to the next (one object is reused)', () => {
    const secret = randomBytes(32);
    const check = createDigestCheck(secret);
    const keys = [formatKey('pyas', 'Live0001'), formatKey('pyas', 'Live0002'), formatKey('billing', 'Live0003')];
    for (let round = 0; round < 3; round += 1) {
      for (const key of keys) {
        expect(check.matches(key, createHmac('sha256', secret).update(key).digest())).toBe(true);
      }
    }
    // Under another secret, nothing matches.
    const other = createDigestCheck(randomBytes(32));
    expect(
      other.matches(
        keys[0] as string,
        createHmac('sha256', secret)
          .update(keys[0] as string)
          .digest(),
      ),
    ).toBe(false);
  });
});
