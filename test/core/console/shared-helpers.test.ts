import { describe, expect, it } from 'vitest';
import { nextHop } from '../../../electron/core/console/redirect-policy';
import { decodeBody } from '../../../electron/core/console/response-reader';
import { maskKeyIn } from '../../../electron/core/console/mask-key';
import { hostAllowed } from '../../../shared/console/allowed-hosts';
import { describePlacement, keyPlacement, maskKey, QUERY_KEY_WARNING } from '../../../shared/console/key-placement';
import {
  consoleRequestSchema,
  HEADERS_MAX,
  MAX_BYTES_DEFAULT,
  TIMEOUT_DEFAULT_MS,
} from '../../../shared/console/request';
import { effectiveUrl, statusMeaning } from '../../../shared/console/wire';

const KEY = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9';

describe('key placement', () => {
  it('puts the key where each scheme says', () => {
    expect(keyPlacement({ kind: 'x-api-key' }, 'K')).toEqual({ kind: 'header', name: 'x-api-key', value: 'K' });
    expect(keyPlacement({ kind: 'api-key' }, 'K')).toEqual({
      kind: 'header',
      name: 'Authorization',
      value: 'Api-Key K',
    });
    expect(keyPlacement({ kind: 'bearer' }, 'K')).toEqual({ kind: 'header', name: 'Authorization', value: 'Bearer K' });
    expect(keyPlacement({ kind: 'header', name: 'X-T' }, 'K')).toEqual({ kind: 'header', name: 'X-T', value: 'K' });
    expect(keyPlacement({ kind: 'query', name: 'k' }, 'K')).toEqual({ kind: 'query', name: 'k', value: 'K' });
  });

  it('shows it masked, with the warning for the query scheme', () => {
    expect(maskKey(KEY)).toBe('pyas_n58l…3kP9');
    expect(maskKey('short')).toBe('••••••••');
    expect(maskKey('0123456789abcdef')).toBe('0123…ef');
    expect(describePlacement({ kind: 'bearer' }, KEY)).toMatchObject({
      line: `Authorization: Bearer ${maskKey(KEY)}`,
      warning: null,
    });
    expect(describePlacement({ kind: 'x-api-key' }, null).line).toBe('x-api-key: ••••••••');
    expect(describePlacement({ kind: 'query', name: 'api_key' }, KEY)).toMatchObject({
      line: `?api_key=${maskKey(KEY)}`,
      warning: QUERY_KEY_WARNING,
    });
    expect(JSON.stringify(describePlacement({ kind: 'query', name: 'k' }, KEY))).not.toContain(KEY);
  });

  it('masks a key in every spelling, and one cut at the end of a truncated body', () => {
    expect(maskKeyIn(`a ${KEY} b ${encodeURIComponent(KEY)}`, KEY).text).not.toContain(KEY.slice(14));
    const cut = maskKeyIn(`{"echo":"${KEY.slice(0, 30)}`, KEY, true);
    expect(cut.masked).toBe(true);
    expect(cut.text).not.toContain(KEY.slice(0, 30));
  });
});

describe('allowed hosts', () => {
  const url = (text: string) => new URL(text);
  it('match exact hosts on any port, wildcards on subdomains only, ports exactly', () => {
    expect(hostAllowed([], url('https://anything.example'))).toBe(true);
    expect(hostAllowed(['api.example.com'], url('https://API.example.com./x'))).toBe(true);
    expect(hostAllowed(['api.example.com'], url('https://api.example.com:8443/x'))).toBe(true);
    expect(hostAllowed(['api.example.com'], url('https://example.com/'))).toBe(false);
    expect(hostAllowed(['api.example.com'], url('https://api.example.com.evil.net/'))).toBe(false);
    expect(hostAllowed(['*.example.com'], url('https://a.b.example.com/'))).toBe(true);
    expect(hostAllowed(['*.example.com'], url('https://example.com/'))).toBe(false);
    expect(hostAllowed(['*.example.com'], url('https://badexample.com/'))).toBe(false);
    expect(hostAllowed(['localhost:8443'], url('https://localhost:8443/'))).toBe(true);
    expect(hostAllowed(['localhost:8443'], url('https://localhost:9443/'))).toBe(false);
    expect(hostAllowed(['localhost:443'], url('https://localhost/'))).toBe(true);
    expect(hostAllowed(['10.0.0.5'], url('http://10.0.0.5:8080/'))).toBe(true);
  });
});

describe('the request schema', () => {
  const base = { method: 'GET', url: 'https://api.example.com/x' } as const;
  it('fills the defaults', () => {
    expect(consoleRequestSchema.parse(base)).toEqual({
      ...base,
      query: [],
      headers: [],
      body: { kind: 'none' },
      auth: { kind: 'none' },
      timeoutMs: TIMEOUT_DEFAULT_MS,
      maxBytes: MAX_BYTES_DEFAULT,
      allowSelfSignedLocalhost: false,
    });
  });

  it('refuses what cannot or must not be sent', () => {
    const refused = (input: object) => consoleRequestSchema.safeParse({ ...base, ...input }).success;
    expect(refused({ url: 'ftp://a.example.com' })).toBe(false);
    expect(refused({ url: 'https://user:pw@a.example.com' })).toBe(false);
    expect(refused({ url: `https://a.example.com/${'a'.repeat(8200)}` })).toBe(false);
    expect(refused({ headers: [{ name: 'X-A', value: 'a\r\nInjected: 1', enabled: true }] })).toBe(false);
    expect(refused({ headers: [{ name: 'bad name', value: 'x', enabled: true }] })).toBe(false);
    expect(refused({ headers: Array.from({ length: HEADERS_MAX + 1 }, () => ({ name: 'X', value: '1' })) })).toBe(
      false,
    );
    expect(refused({ body: { kind: 'raw', text: 'é'.repeat(3 * 1024 * 1024), contentType: 'text/plain' } })).toBe(
      false,
    );
    expect(refused({ auth: { kind: 'typed', key: 'a\nb', scheme: { kind: 'bearer' } } })).toBe(false);
    expect(refused({ timeoutMs: 300_001 })).toBe(false);
    expect(refused({ method: 'TRACE' })).toBe(false);
    expect(refused({ headers: [{ name: '', value: 'blank row', enabled: true }] })).toBe(true);
  });

  it('builds the URL: typed query kept byte for byte, rows appended, the key parameter replaced', () => {
    const request = consoleRequestSchema.parse({
      ...base,
      url: 'https://api.example.com/x?a=b,c&api_key=old#frag',
      query: [
        { name: 'q', value: 'a b&c', enabled: true },
        { name: 'off', value: '1', enabled: false },
      ],
    });
    expect(effectiveUrl(request).toString()).toBe('https://api.example.com/x?a=b,c&api_key=old&q=a+b%26c');
    expect(effectiveUrl(request, { name: 'api_key', value: 'K/+' }).toString()).toBe(
      'https://api.example.com/x?a=b,c&q=a+b%26c&api_key=K%2F%2B',
    );
  });

  it('status meanings', () => {
    expect(statusMeaning(404)).toBe('Not Found');
    expect(statusMeaning(429)).toBe('Too Many Requests');
    expect(statusMeaning(499)).toBe('Client error');
    expect(statusMeaning(299)).toBe('Success');
  });
});

describe('redirect policy', () => {
  const hop = { url: new URL('https://a.example.com/x'), method: 'POST', body: '{}' };
  it('resolves relative locations and applies the method rules', () => {
    expect(nextHop(hop, 200, '/y', 0)).toBeNull();
    expect(nextHop(hop, 302, undefined, 0)).toBeNull();
    expect(nextHop(hop, 307, '/y#f', 0)).toEqual({
      url: new URL('https://a.example.com/y'),
      method: 'POST',
      body: '{}',
    });
    expect(nextHop(hop, 303, 'https://b.example.com/', 0)).toMatchObject({ method: 'GET', body: null });
    expect(nextHop({ ...hop, method: 'PUT' }, 302, '/y', 0)).toMatchObject({ method: 'PUT', body: '{}' });
    expect(nextHop({ ...hop, method: 'HEAD', body: null }, 303, '/y', 0)).toMatchObject({ method: 'HEAD' });
  });
  it('refuses https → http, other schemes and a 6th redirect', () => {
    expect(() => nextHop(hop, 302, 'http://a.example.com/', 0)).toThrow(/https to plain http/);
    expect(() => nextHop(hop, 302, 'file:///etc/passwd', 0)).toThrow(/only http\(s\)/);
    expect(() => nextHop(hop, 302, '/y', 5)).toThrow(/More than 5 redirects/);
  });
});

describe('body decoding', () => {
  it('text by type or by content; binary omitted; charsets honoured', () => {
    expect(decodeBody(Buffer.from('{"a":1}'), 'application/problem+json', false)).toEqual({
      text: '{"a":1}',
      encoding: 'utf8',
    });
    expect(decodeBody(Buffer.from([0xe9]), 'text/plain; charset=iso-8859-1', false).text).toBe('é');
    expect(decodeBody(Buffer.from('<svg/>'), 'image/svg+xml', false).encoding).toBe('utf8');
    expect(decodeBody(Buffer.from('abc'), 'image/png', false).encoding).toBe('binary-omitted');
    expect(decodeBody(Buffer.from('plain words'), null, false)).toEqual({ text: 'plain words', encoding: 'utf8' });
    expect(decodeBody(Buffer.from([0xff, 0xfe, 0x41]), null, false).encoding).toBe('binary-omitted');
    // A body cut inside a character is still text.
    expect(decodeBody(Buffer.from('é').subarray(0, 1), 'application/x-custom', true).encoding).toBe('utf8');
  });
});
