import { describe, expect, it } from 'vitest';
import { containsKey, maskKeyIn } from '../../../electron/core/console/mask-key';

const VAULT_KEY = 'sk_live_51HqZ8xYb2T9vKmNpQrStUvWx.aB3cD4eF5gH';
const HIDDEN = '••••••••';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const hex = (text: string) => Buffer.from(text).toString('hex');

describe('an echoed key is masked in its encoded forms too', () => {
  it.each([
    ['base64', b64(VAULT_KEY)],
    ['base64url', b64url(VAULT_KEY)],
    ['hex', hex(VAULT_KEY)],
    ['upper-case hex', hex(VAULT_KEY).toUpperCase()],
    ['percent-encoded', encodeURIComponent(VAULT_KEY)],
  ])('%s', (_form, encoded) => {
    const body = `{"seen":"${encoded}","ok":true}`;
    expect(containsKey(body, VAULT_KEY)).toBe(true);
    const out = maskKeyIn(body, VAULT_KEY, false, HIDDEN);
    expect(out.masked).toBe(true);
    expect(out.text).not.toContain(encoded.slice(4, -4));
    expect(out.text).toContain('"ok":true');
  });

  it('inside a longer base64 value, at any alignment (an echoed Basic credential)', () => {
    for (const user of ['a', 'ab', 'abc', 'user']) {
      const basic = b64(`${user}:${VAULT_KEY}`);
      const out = maskKeyIn(`Authorization: Basic ${basic}`, VAULT_KEY, false, HIDDEN);
      expect(out.masked, user).toBe(true);
      // Whatever stays of the value cannot be decoded back into the key.
      expect(
        Buffer.from(out.text.replace('Authorization: Basic ', '').replaceAll(HIDDEN, ''), 'base64').toString(),
      ).not.toContain(VAULT_KEY.slice(8, 24));
    }
  });

  it('leaves text alone that only shares a prefix with the key', () => {
    const text = `{"id":"${b64('sk_live_something else entirely')}"}`;
    expect(maskKeyIn(text, VAULT_KEY, false, HIDDEN)).toEqual({ text, masked: false });
  });
});
