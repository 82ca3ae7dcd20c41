import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64urlToBytes } from '../../../shared/verify/held-keyset';
import { createVerifier } from '../../../shared/verify/verifier';
import { NOW, plannedKey, signedKeyset, signingApp } from './keyset-fixture';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const app = signingApp();
const keys = ['Live0001', 'Live0002', 'Abc12345', 'zzzzzzzz'].map((id) => plannedKey(id, { scopes: ['read:items'] }));
const keyset = signedKeyset(app, keys);
const verifier = () => createVerifier({ keyset, publicKey: app.publicKey, secret: app.secret, now: () => NOW });

/** A character of the key alphabet, its separators, or any other code point at all. */
const anyCharacter = fc.oneof(
  fc.constantFrom(...BASE62, '_', '.', '-', ' '),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('tampering, property-based', () => {
  it('accepts no key with any single character changed, at any position', async () => {
    const v = await verifier();
    for (const planned of keys) expect((await v.verify(planned.key)).code).toBe('VALID');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), fc.nat(), anyCharacter, async ({ key }, at, char) => {
        const position = at % key.length;
        fc.pre(key[position] !== char);
        const changed = key.slice(0, position) + char + key.slice(position + 1);
        expect((await v.verify(changed)).valid).toBe(false);
        expect((await v.verify(`Bearer ${changed}`)).valid).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a newer keyset with any one byte of its text changed, and keeps the one held', async () => {
    const v = await verifier();
    const newer = JSON.stringify(signedKeyset(app, keys.slice(1), { sequence: 2 }));
    const printable = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
    await fc.assert(
      fc.asyncProperty(fc.nat(), printable, async (at, char) => {
        const position = at % newer.length;
        fc.pre(newer[position] !== char);
        const update = await v.update(newer.slice(0, position) + char + newer.slice(position + 1));
        expect(update.accepted).toBe(false);
      }),
      { numRuns: 400 },
    );
    expect(v.keyset.sequence).toBe(1);
    expect((await v.verify(keys[0]?.key)).code).toBe('VALID');
    // The untouched text is taken: the refusals above were for the changed byte alone.
    expect(await v.update(newer)).toEqual({ accepted: true, sequence: 2 });
  });

  it('decodes base64url by table exactly as Node does, and refuses text that is not base64url', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64url');
        expect(Buffer.from(base64urlToBytes(text))).toEqual(Buffer.from(bytes));
        expect(Buffer.from(base64urlToBytes(Buffer.from(bytes).toString('base64')))).toEqual(Buffer.from(bytes));
      }),
    );
    for (const bad of ['abc*', 'a', 'ab cd', 'é123']) expect(() => base64urlToBytes(bad)).toThrow(/not base64url/);
    // Only the canonical text of some bytes: 'QR' and 'QQ' would both be "A" if the spare bits were ignored.
    expect(Buffer.from(base64urlToBytes('QQ'))).toEqual(Buffer.from('A'));
    expect(() => base64urlToBytes('QR')).toThrow(/not base64url/);
  });
});

describe('a keyset no Keyhaven made never takes the service down', () => {
  it('refuses one with a number Keyhaven never signs, as a refusal, not an exception', async () => {
    const v = await verifier();
    const odd = { ...signedKeyset(app, keys, { sequence: 2 }), extra: 0.5 };
    expect(await v.update(odd)).toEqual({ accepted: false, reason: expect.stringContaining('never signs') });
    expect((await v.verify(keys[0]?.key)).code).toBe('VALID');
  });

  it('keeps reloading when the service’s own onKeysetEvent throws, and says so in status()', async () => {
    let calls = 0;
    const texts = [JSON.stringify(keyset), JSON.stringify(signedKeyset(app, keys, { sequence: 2 }))];
    const v = await createVerifier({
      loadKeyset: async () => texts[Math.min(calls, 1)] as string,
      reloadSeconds: 3600,
      publicKey: app.publicKey,
      secret: app.secret,
      now: () => NOW,
      onKeysetEvent: () => {
        throw new Error('a bug in the service');
      },
    });
    calls += 1;
    expect(await v.update(texts[1])).toMatchObject({ accepted: true, sequence: 2 });
    expect(v.status().lastError).toBe('onKeysetEvent threw: a bug in the service');
    await v.close();
  });
});
