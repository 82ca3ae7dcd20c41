import { describe, expect, it } from 'vitest';
import { importCurl, type CurlImport } from '../../../shared/console/curl-import';
import { consoleRequestSchema } from '../../../shared/console/request';
import { snippetFor } from '../../../shared/console/snippets';

const KEY = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9';

function ok(result: CurlImport) {
  if (!result.ok) throw new Error(`expected an import, got: ${result.error}`);
  return result;
}

describe('importCurl', () => {
  it('a multi-line command with -X, -H, --data and an x-api-key header', () => {
    const { request, notes, keyScheme } = ok(
      importCurl(`curl -X POST \\
  'https://api.pyas.com/v1/items?limit=10&q=a%20b' \\
  -H 'Content-Type: application/json' \\
  -H "x-api-key: ${KEY}" \\
  -H 'X-Trace: 1' \\
  --data '{"name":"it'\\''s"}'`),
    );
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api.pyas.com/v1/items');
    expect(request.query).toEqual([
      { name: 'limit', value: '10', enabled: true },
      { name: 'q', value: 'a b', enabled: true },
    ]);
    expect(request.headers).toEqual([{ name: 'X-Trace', value: '1', enabled: true }]);
    expect(request.body).toEqual({ kind: 'json', text: `{"name":"it's"}` });
    expect(request.auth).toEqual({ kind: 'typed', key: KEY, scheme: { kind: 'x-api-key' } });
    expect(keyScheme).toEqual({ kind: 'x-api-key' });
    expect(notes.join(' ')).toContain('moved to Authentication');
    expect(notes.join(' ')).not.toContain(KEY);
  });

  it('Authorization: Bearer and Api-Key become typed keys with their scheme', () => {
    expect(ok(importCurl(`curl https://a.example.com -H 'Authorization: Bearer ${KEY}'`)).request.auth).toEqual({
      kind: 'typed',
      key: KEY,
      scheme: { kind: 'bearer' },
    });
    expect(ok(importCurl(`curl https://a.example.com -H 'authorization: Api-Key ${KEY}'`)).request.auth).toEqual({
      kind: 'typed',
      key: KEY,
      scheme: { kind: 'api-key' },
    });
    const basic = ok(importCurl(`curl https://a.example.com -H 'Authorization: Basic dXNlcjpwYXNz'`)).request;
    expect(basic.auth).toEqual({ kind: 'none' });
    expect(basic.headers).toEqual([{ name: 'Authorization', value: 'Basic dXNlcjpwYXNz', enabled: true }]);
  });

  it('a key in the query string moves to a query-scheme typed key', () => {
    const { request } = ok(importCurl(`curl "https://a.example.com/x?api_key=${KEY}&page=2"`));
    expect(request.auth).toEqual({ kind: 'typed', key: KEY, scheme: { kind: 'query', name: 'api_key' } });
    expect(request.query).toEqual([{ name: 'page', value: '2', enabled: true }]);
  });

  it('an environment variable reference is not taken for a key; its scheme is reported', () => {
    const result = ok(importCurl(`curl https://a.example.com -H "Authorization: Bearer $PYAS_API_KEY"`));
    expect(result.request.auth).toEqual({ kind: 'none' });
    expect(result.keyScheme).toEqual({ kind: 'bearer' });
    expect(result.notes.join(' ')).toContain('$PYAS_API_KEY');
  });

  it('reads back what the curl snippet wrote', async () => {
    const original = consoleRequestSchema.parse({
      method: 'PUT',
      url: 'https://api.example.com/v1/items/7',
      query: [{ name: 'dry', value: 'yes', enabled: true }],
      headers: [{ name: 'X-Trace', value: "it's", enabled: true }],
      body: { kind: 'json', text: '{"a":[1,2]}' },
      auth: { kind: 'typed', key: KEY, scheme: { kind: 'bearer' } },
    });
    const { request } = ok(importCurl(await snippetFor(original, 'curl', { includeKey: KEY })));
    expect(request).toEqual(original);
  });

  it('--data variants, -G, --json, -F and -d form bodies', () => {
    const form = ok(importCurl(`curl https://a.example.com/f -d a=1 -d 'b=x%20y'`)).request;
    expect(form.method).toBe('POST');
    expect(form.body).toEqual({
      kind: 'form',
      fields: [
        { name: 'a', value: '1' },
        { name: 'b', value: 'x y' },
      ],
    });
    const raw = ok(importCurl(`curl https://a.example.com/f --data-raw 'hello world'`)).request;
    expect(raw.body).toEqual({ kind: 'raw', text: 'hello world', contentType: 'application/x-www-form-urlencoded' });
    const encoded = ok(importCurl(`curl https://a.example.com/f --data-urlencode 'q=a b&c'`)).request;
    expect(encoded.body).toEqual({ kind: 'form', fields: [{ name: 'q', value: 'a b&c' }] });
    const get = ok(importCurl(`curl -G https://a.example.com/s -d q=term --data-urlencode 'x=1 2'`)).request;
    expect([get.method, get.body, get.query]).toEqual([
      'GET',
      { kind: 'none' },
      [
        { name: 'q', value: 'term', enabled: true },
        { name: 'x', value: '1 2', enabled: true },
      ],
    ]);
    const json = ok(importCurl(`curl --json '{"a":1}' https://a.example.com/j`)).request;
    expect([json.method, json.body]).toEqual(['POST', { kind: 'json', text: '{"a":1}' }]);
    expect(json.headers).toContainEqual({ name: 'Accept', value: 'application/json', enabled: true });
    const multipart = ok(importCurl(`curl https://a.example.com/u -F name=x -F file=@photo.jpg`));
    expect(multipart.request.body).toEqual({ kind: 'form', fields: [{ name: 'name', value: 'x' }] });
    expect(multipart.notes.join(' ')).toMatch(/File uploads .* not supported/);
    const xml = ok(importCurl(`curl https://a.example.com -H 'Content-Type: application/xml' -d '<a/>'`)).request;
    expect(xml.body).toEqual({ kind: 'raw', text: '<a/>', contentType: 'application/xml' });
    expect(xml.headers).toEqual([]);
  });

  it('--url, --request, combined short flags, -XPOST, -I, --max-time', () => {
    const a = ok(importCurl(`curl -sSL -XDELETE --url https://a.example.com/x/1 -m 5`)).request;
    expect([a.method, a.url, a.timeoutMs]).toEqual(['DELETE', 'https://a.example.com/x/1', 5000]);
    expect(ok(importCurl(`curl --request patch https://a.example.com -d '{}'`)).request.method).toBe('PATCH');
    expect(ok(importCurl(`curl -I https://a.example.com`)).request.method).toBe('HEAD');
    // A data value that looks like flags is data, not flags.
    expect(ok(importCurl(`curl https://a.example.com -d '-sSL'`)).request.body).toEqual({
      kind: 'raw',
      text: '-sSL',
      contentType: 'application/x-www-form-urlencoded',
    });
  });

  it('ignores -s, -L, -k, --compressed with a note, and reports -u as unsupported', () => {
    const { request, notes } = ok(
      importCurl(`curl -s -L -k --compressed -u user:secret-password https://a.example.com -o out.json`),
    );
    expect(request.auth).toEqual({ kind: 'none' });
    const text = notes.join('\n');
    expect(text).toContain('Basic authentication');
    expect(text).toContain('Redirects are always followed');
    expect(text).toContain('TLS verification stays on');
    expect(text).toMatch(/Ignored.*-s.*--compressed.*-o out\.json/);
    expect(text).not.toContain('secret-password');
  });

  it('an unquoted & in the URL, a pipe after the command, Windows line continuations', () => {
    const amp = ok(importCurl('curl https://a.example.com/x?a=1&b=2'));
    expect(amp.request.query.map((q) => q.name)).toEqual(['a', 'b']);
    const piped = ok(importCurl(`curl https://a.example.com | jq .`));
    expect(piped.notes.join(' ')).toContain('Only the curl command was imported');
    const windows = ok(importCurl('curl ^\r\n  https://a.example.com ^\r\n  -H "X-A: 1"'));
    expect(windows.request.headers).toEqual([{ name: 'X-A', value: '1', enabled: true }]);
  });

  it("ANSI-C quoted bodies ($'…') as Chrome copies them", () => {
    const { request } = ok(
      importCurl(`curl 'https://a.example.com' -H 'content-type: application/json' --data-raw $'{"a":"b\\'c"}'`),
    );
    expect(request.body).toEqual({ kind: 'json', text: `{"a":"b'c"}` });
  });

  it('clear errors for what is not a curl command', () => {
    expect(importCurl('')).toEqual({ ok: false, error: expect.stringContaining('not a curl command') });
    expect(importCurl('wget https://a.example.com')).toEqual({
      ok: false,
      error: expect.stringContaining('not a curl command'),
    });
    expect(importCurl('GET /v1/items HTTP/1.1')).toMatchObject({ ok: false });
    expect(importCurl('curl -H "X: 1"')).toEqual({ ok: false, error: 'This curl command has no URL.' });
    expect(importCurl('curl https://a.example.com -H')).toEqual({ ok: false, error: 'The option -H needs a value.' });
    expect(importCurl('curl ftp://a.example.com')).toMatchObject({
      ok: false,
      error: expect.stringContaining('https://'),
    });
    expect(importCurl('curl -X TRACE https://a.example.com')).toMatchObject({
      ok: false,
      error: expect.stringContaining('TRACE is not supported'),
    });
    expect(importCurl(`curl https://a.example.com -H 'no colon'`)).toMatchObject({ ok: false });
  });

  it('a URL without a scheme gets http:// as curl does', () => {
    const { request, notes } = ok(importCurl('curl localhost:8080/health'));
    expect(request.url).toBe('http://localhost:8080/health');
    expect(notes.join(' ')).toContain('http:// was assumed');
  });
});
