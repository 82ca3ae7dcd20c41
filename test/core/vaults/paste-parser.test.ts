import { describe, expect, it } from 'vitest';
import { presetScheme, SERVICE_PRESETS } from '../../../shared/catalogs/service-presets';
import { parsePastedKey } from '../../../shared/domain/pasted-key';

describe('paste parser', () => {
  it.each([
    ['Authorization: Bearer abc.DEF_123', 'bearer', 'abc.DEF_123'],
    ['authorization:bearer abc', 'bearer', 'abc'],
    ['Authorization: Api-Key pyas_n58lzybi.Zx', 'api-key', 'pyas_n58lzybi.Zx'],
    ['AUTHORIZATION: API-KEY k', 'api-key', 'k'],
    ['x-api-key: K1', 'x-api-key', 'K1'],
    ['  "X-API-Key:   K2"  ', 'x-api-key', 'K2'],
    ["-H 'x-api-key: K3'", 'x-api-key', 'K3'],
    ['--header "Authorization: Bearer K4"', 'bearer', 'K4'],
    [
      "curl -X GET 'https://api.example.com/v1' -H 'Accept: application/json' -H 'Authorization: Bearer K5'",
      'bearer',
      'K5',
    ],
  ])('splits %s', (input, kind, key) => {
    expect(parsePastedKey(input)).toEqual({ scheme: { kind }, key });
  });

  it('keeps anything else as the raw value', () => {
    expect(parsePastedKey('  plain_key.123 ')).toEqual({ scheme: null, key: 'plain_key.123' });
    expect(parsePastedKey("'quoted-key'")).toEqual({ scheme: null, key: 'quoted-key' });
    expect(parsePastedKey('Authorization: Basic dXNlcjpwYXNz').scheme).toBeNull();
    expect(parsePastedKey('x-api-key: two words').scheme).toBeNull();
  });

  it('maps service presets to their schemes', () => {
    expect(SERVICE_PRESETS.map((p) => p.label)).toEqual([
      'Pyas',
      'atfinity',
      'nexos.ai',
      'Cerby',
      'Extracta',
      'Custom',
    ]);
    expect(presetScheme('pyas')).toEqual({ kind: 'x-api-key' });
    expect(presetScheme('atfinity')).toEqual({ kind: 'api-key' });
    expect(presetScheme('nexos-ai')).toEqual({ kind: 'bearer' });
    expect(presetScheme('cerby')).toEqual({ kind: 'x-api-key' });
    expect(presetScheme('extracta')).toEqual({ kind: 'bearer' });
    expect(presetScheme('custom')).toBeNull();
  });
});
