import { describe, expect, it } from 'vitest';
import { readHeaderLine, verifyHeaderLine } from '../../../shared/catalogs/header-schemes';
import { createAppInputSchema, updateAppInputSchema } from '../../../shared/domain/app';

const KEY = 'atf_n58lzybi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0';

describe('reading the key Check a key was given', () => {
  it.each([
    ['x-api-key: K (Pyas, Cerby)', `x-api-key: ${KEY}`, 'x-api-key', KEY],
    ['X-API-Key in any case, no space', `X-API-Key:${KEY}`, 'x-api-key', KEY],
    ['Authorization: Api-Key K (atfinity)', `Authorization: Api-Key ${KEY}`, 'api-key', `Api-Key ${KEY}`],
    ['Authorization: Bearer K (Extracta, nexos.ai)', `authorization: bearer ${KEY}`, 'bearer', `bearer ${KEY}`],
    ["atfinity's example, in its ’…’ quotes", `’Authorization: Api-Key ${KEY}’`, 'api-key', `Api-Key ${KEY}`],
    ['a line in straight quotes with blanks around', `  "x-api-key: ${KEY}"\n`, 'x-api-key', KEY],
    ['an Authorization value without its name', `Bearer ${KEY}`, 'bearer', `Bearer ${KEY}`],
    ['an Api-Key value without its name', `Api-Key ${KEY}`, 'api-key', `Api-Key ${KEY}`],
  ])('takes the scheme from %s', (_what, text, scheme, headerValue) => {
    expect(readHeaderLine(text, 'bearer')).toEqual({ ok: true, scheme, headerValue, fromLine: true });
  });

  it("sends a bare key with the scheme chosen for it (the app's)", () => {
    expect(readHeaderLine(` ${KEY} `, 'x-api-key')).toEqual({
      ok: true,
      scheme: 'x-api-key',
      headerValue: KEY,
      fromLine: false,
    });
    expect(readHeaderLine(KEY, 'api-key')).toMatchObject({ scheme: 'api-key', headerValue: `Api-Key ${KEY}` });
    expect(readHeaderLine(KEY, 'bearer')).toMatchObject({ scheme: 'bearer', headerValue: `Bearer ${KEY}` });
  });

  it('passes a badly shaped value on as found, so verification judges it as a server would', () => {
    // x-api-key carrying an Authorization value is not what a server takes: MALFORMED, later.
    expect(readHeaderLine(`x-api-key: Bearer ${KEY}`, 'x-api-key')).toMatchObject({
      ok: true,
      scheme: 'x-api-key',
      headerValue: `Bearer ${KEY}`,
    });
    // "Bearer" glued to the key is a bare key, not the Bearer scheme.
    expect(readHeaderLine(`Bearer${KEY}`, 'x-api-key')).toMatchObject({ scheme: 'x-api-key', fromLine: false });
  });

  it('refuses another header or Authorization scheme, and nothing at all, without repeating the text', () => {
    const other = readHeaderLine(`X-Token: ${KEY}`, 'x-api-key');
    expect(other).toEqual({
      ok: false,
      message: 'Keyhaven keys are sent in an x-api-key or an Authorization header.',
    });
    const basic = readHeaderLine(`Authorization: Basic ${KEY}`, 'x-api-key');
    expect(basic).toEqual({ ok: false, message: 'Authorization takes "Api-Key <key>" or "Bearer <key>".' });
    expect(readHeaderLine(`Authorization: ${KEY}`, 'bearer')).toMatchObject({ ok: false });
    expect(readHeaderLine('  ', 'bearer')).toEqual({
      ok: false,
      message: 'Paste the key, or the header line that carries it.',
    });
  });

  it('writes the header line of each scheme', () => {
    expect(verifyHeaderLine('x-api-key', 'K')).toBe('x-api-key: K');
    expect(verifyHeaderLine('api-key', 'K')).toBe('Authorization: Api-Key K');
    expect(verifyHeaderLine('bearer', 'K')).toBe('Authorization: Bearer K');
  });
});

describe("an app's header scheme and starting scopes in the contract", () => {
  it('accepts the three schemes and refuses any other, with what to choose', () => {
    for (const headerScheme of ['x-api-key', 'api-key', 'bearer']) {
      expect(createAppInputSchema.safeParse({ name: 'atfinity', headerScheme, scopes: 'none' }).success).toBe(true);
    }
    const custom = updateAppInputSchema.safeParse({ appId: crypto.randomUUID(), headerScheme: 'query' });
    expect(custom.success).toBe(false);
    expect(custom.error?.issues[0]?.message).toBe('Choose how the keys are sent: X-API-Key, Api-Key or Bearer.');
    expect(createAppInputSchema.safeParse({ name: 'x', scopes: 'some' }).success).toBe(false);
  });
});
