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
    // The query stays as typed (%20 stays %20): signed requests depend on its bytes.
    expect(request.url).toBe('https://api.pyas.com/v1/items?limit=10&q=a%20b');
    expect(request.query).toEqual([]);
    expect(request.headers).toEqual([
      { name: 'Content-Type', value: 'application/json', enabled: true },
      { name: 'X-Trace', value: '1', enabled: true },
    ]);
    expect(request.body).toEqual({ kind: 'json', text: `{"name":"it's"}` });
    expect(request.auth).toEqual({ kind: 'typed', key: KEY, scheme: { kind: 'x-api-key' } });
    expect(keyScheme).toEqual({ kind: 'x-api-key' });
    expect(notes.join(' ')).toContain('moved to Authentication');
    expect(notes.join(' ')).not.toContain(KEY);
  });

  it('Authorization: Bearer, Api-Key and Basic become typed credentials with their scheme', () => {
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
    const basic = ok(importCurl(`curl https://a.example.com -u 'user:pa ss'`)).request;
    expect(basic.auth).toEqual({
      kind: 'typed',
      key: `Basic ${Buffer.from('user:pa ss').toString('base64')}`,
      scheme: { kind: 'header', name: 'Authorization' },
    });
    expect(basic.headers).toEqual([]);
  });

  it('lifts a key only when it is the only one: two credentials stay where they are', () => {
    const two = ok(
      importCurl(`curl https://api.datadoghq.com/v1 -H 'DD-API-KEY: aaa111' -H 'DD-APPLICATION-KEY: bbb222'`),
    );
    expect(two.request.auth).toEqual({ kind: 'none' });
    expect(two.request.headers.map((row) => row.name)).toEqual(['DD-API-KEY', 'DD-APPLICATION-KEY']);
    expect(two.notes.join(' ')).toContain('2 credentials');
    const headerAndQuery = ok(importCurl(`curl 'https://a.example.com/x?api_key=one' -H 'x-api-key: two'`));
    expect(headerAndQuery.request.auth).toEqual({ kind: 'none' });
    expect(headerAndQuery.request.url).toBe('https://a.example.com/x?api_key=one');
  });

  it('a key in the query string moves only when that gives the same URL', () => {
    const last = ok(importCurl(`curl "https://a.example.com/x?page=2&api_key=${KEY}"`)).request;
    expect(last.auth).toEqual({ kind: 'typed', key: KEY, scheme: { kind: 'query', name: 'api_key' } });
    expect(last.url).toBe('https://a.example.com/x?page=2');
    // ?key=one&key=two: two values, the request keeps both as typed.
    const repeated = ok(importCurl(`curl "https://a.example.com/x?key=one&key=two"`));
    expect(repeated.request.url).toBe('https://a.example.com/x?key=one&key=two');
    expect(repeated.request.auth).toEqual({ kind: 'none' });
    // not the last parameter: moving it would reorder the query
    const first = ok(importCurl(`curl "https://a.example.com/x?api_key=${KEY}&page=2"`));
    expect(first.request.url).toBe(`https://a.example.com/x?api_key=${KEY}&page=2`);
    expect(first.notes.join(' ')).toContain('stays in the URL');
  });

  it('an environment variable reference is not taken for a key; its scheme is reported', () => {
    const result = ok(importCurl(`curl https://a.example.com -H "Authorization: Bearer $PYAS_API_KEY"`));
    expect(result.request.auth).toEqual({ kind: 'none' });
    expect(result.keyScheme).toEqual({ kind: 'bearer' });
    expect(result.notes.join(' ')).toContain('$PYAS_API_KEY');
    // Anywhere else, a variable only the shell knows refuses the import.
    expect(importCurl(`curl "$BASE_URL/v1/items"`)).toMatchObject({
      ok: false,
      error: expect.stringContaining('$BASE_URL'),
    });
    expect(importCurl(`curl https://a.example.com -d "name=$USER"`)).toMatchObject({ ok: false });
  });

  it('reads back what the curl snippet wrote', async () => {
    const original = consoleRequestSchema.parse({
      method: 'PUT',
      url: 'https://api.example.com/v1/items/7?dry=yes',
      headers: [{ name: 'X-Trace', value: "it's", enabled: true }],
      body: { kind: 'json', text: '{"a":[1,2]}' },
      auth: { kind: 'typed', key: KEY, scheme: { kind: 'bearer' } },
    });
    const { request } = ok(importCurl(await snippetFor(original, 'curl', { includeKey: KEY })));
    expect({
      ...request,
      headers: request.headers.filter((row) => row.name.toLowerCase() !== 'content-type'),
    }).toEqual(original);
  });

  it('data pieces as curl joins them: & between -d pieces, nothing between --json pieces', () => {
    const form = ok(importCurl(`curl https://a.example.com/f -d a=1 -d 'b=x%20y'`)).request;
    expect(form.method).toBe('POST');
    // x%20y would come back as x+y from a form: the bytes are kept as raw form data instead
    expect(form.body).toEqual({ kind: 'raw', text: 'a=1&b=x%20y', contentType: 'application/x-www-form-urlencoded' });
    const plain = ok(importCurl(`curl https://a.example.com/f -d a=1 -d b=2`)).request;
    expect(plain.body).toEqual({
      kind: 'form',
      fields: [
        { name: 'a', value: '1' },
        { name: 'b', value: '2' },
      ],
    });
    const encoded = ok(importCurl(`curl https://a.example.com/f --data-urlencode 'q=a b&c!'`)).request;
    // curl's encoding (space as +, ! as %21) is also what a form gives back: it stays an editable form
    expect(encoded.body).toEqual({ kind: 'form', fields: [{ name: 'q', value: 'a b&c!' }] });
    const json = ok(importCurl(`curl https://a.example.com/j --json '{"a":' --json '1}'`)).request;
    expect([json.method, json.body]).toEqual(['POST', { kind: 'json', text: '{"a":1}' }]);
    expect(json.headers).toContainEqual({ name: 'Accept', value: 'application/json', enabled: true });
    const newline = ok(
      importCurl(`curl https://a.example.com/j -d 'line one
line two'`),
    ).request;
    expect(newline.body).toMatchObject({ text: 'line one\nline two' });
  });

  it('-G moves the data to the query; --url-query appends to it', () => {
    const get = ok(importCurl(`curl -G https://a.example.com/s?lang=en -d q=term --data-urlencode 'x=1 2,3'`)).request;
    expect([get.method, get.body, get.url]).toEqual([
      'GET',
      { kind: 'none' },
      'https://a.example.com/s?lang=en&q=term&x=1+2%2c3',
    ]);
    const query = ok(importCurl(`curl https://a.example.com/s --url-query 'q=a b' --url-query '+raw=%41'`)).request;
    expect(query.url).toBe('https://a.example.com/s?q=a+b&raw=%41');
    expect(importCurl(`curl -G https://a.example.com/s -d 'q=a b'`)).toMatchObject({ ok: false });
  });

  it('keeps Content-Type with its charset, Host, an empty Accept, and Content-Type without a body', () => {
    const typed = ok(
      importCurl(`curl https://a.example.com -H 'Content-Type: application/json; charset=UTF-8' -d '{"a":1}'`),
    ).request;
    expect(typed.headers).toEqual([{ name: 'Content-Type', value: 'application/json; charset=UTF-8', enabled: true }]);
    expect(typed.body).toEqual({ kind: 'json', text: '{"a":1}' });
    const host = ok(importCurl(`curl http://127.0.0.1:8080/x -H 'Host: api.internal'`)).request;
    expect(host.headers).toEqual([{ name: 'Host', value: 'api.internal', enabled: true }]);
    const noAccept = ok(importCurl(`curl https://a.example.com -H 'Accept:'`)).request;
    expect(noAccept.headers).toEqual([{ name: 'Accept', value: '', enabled: true }]);
    const getWithType = ok(importCurl(`curl https://a.example.com -H 'Content-Type: application/json'`)).request;
    expect([getWithType.method, getWithType.headers.length]).toEqual(['GET', 1]);
  });

  it('carries out -A, -e, -b, --range, --compressed and --oauth2-bearer as the headers curl sends', () => {
    const { request } = ok(
      importCurl(
        `curl https://a.example.com -A 'Agent/1' -e 'https://ref.example/;auto' -b 'a=1' -b 'b=2' -r 0-99 --compressed`,
      ),
    );
    expect(request.headers).toEqual([
      { name: 'User-Agent', value: 'Agent/1', enabled: true },
      { name: 'Referer', value: 'https://ref.example/', enabled: true },
      { name: 'Cookie', value: 'a=1; b=2', enabled: true },
      { name: 'Range', value: 'bytes=0-99', enabled: true },
      { name: 'Accept-Encoding', value: 'deflate, gzip, br, zstd', enabled: true },
    ]);
    expect(ok(importCurl(`curl https://a.example.com --oauth2-bearer ${KEY}`)).request.auth).toEqual({
      kind: 'typed',
      key: KEY,
      scheme: { kind: 'bearer' },
    });
  });

  it('--url, --request, combined short flags, -XPOST, -I, --max-time; a value is never the URL', () => {
    const a = ok(importCurl(`curl -sSL -XDELETE --url https://a.example.com/x/1 -m 5`)).request;
    expect([a.method, a.url, a.timeoutMs]).toEqual(['DELETE', 'https://a.example.com/x/1', 5000]);
    expect(ok(importCurl(`curl --request PATCH https://a.example.com -d '{}'`)).request.method).toBe('PATCH');
    expect(importCurl(`curl --request patch https://a.example.com`)).toMatchObject({
      ok: false,
      error: expect.stringContaining('"patch"'),
    });
    expect(ok(importCurl(`curl -I https://a.example.com`)).request.method).toBe('HEAD');
    expect(ok(importCurl(`curl https://a.example.com -d '-sSL'`)).request.body).toMatchObject({ text: '-sSL' });
    // Options Keyhaven knows nothing special about still take their value.
    expect(ok(importCurl(`curl --retry-max-time 30 --limit-rate 1M https://a.example.com/x`)).request.url).toBe(
      'https://a.example.com/x',
    );
    expect(importCurl(`curl -T report.csv -H 'x-api-key: ${KEY}' https://api.example.com`)).toMatchObject({
      ok: false,
      error: expect.stringContaining('-T (--upload-file)'),
    });
  });

  it('ignores options that do not change the request, with notes; refuses the ones that do, by name', () => {
    const { notes } = ok(importCurl(`curl -s -L -k -o out.json --connect-timeout 5 https://a.example.com`));
    const text = notes.join('\n');
    expect(text).toContain('Redirects are followed');
    expect(text).toContain('TLS verification stays on');
    expect(text).toMatch(/Ignored.*-s.*-o out\.json.*--connect-timeout 5/);
    expect(importCurl(`curl --digest -u a:b https://a.example.com`)).toMatchObject({
      ok: false,
      error: expect.stringContaining('--digest'),
    });
    expect(importCurl(`curl --resolve a.example.com:443:10.0.0.1 https://a.example.com`)).toMatchObject({
      ok: false,
      error: expect.stringContaining('--resolve'),
    });
    expect(importCurl(`curl --hedaer 'x: 1' https://a.example.com`)).toMatchObject({
      ok: false,
      error: expect.stringContaining('does not know the option --hedaer'),
    });
  });

  it('one command at a time: several commands, --next, comments, echo | curl', () => {
    const three = ok(
      importCurl(`curl https://a.example.com/1\ncurl https://a.example.com/2 -H 'X: 2'\ncurl https://a.example.com/3`),
    );
    expect([three.request.url, three.request.headers]).toEqual(['https://a.example.com/1', []]);
    expect(three.notes.join(' ')).toContain('3 curl commands');
    const next = ok(importCurl(`curl https://a.example.com/1 -H 'X: 1' --next https://a.example.com/2 -H 'Y: 2'`));
    expect(next.request.headers).toEqual([{ name: 'X', value: '1', enabled: true }]);
    expect(next.notes.join(' ')).toContain('--next');
    const commented = ok(importCurl(`#!/bin/bash\n# List the items\ncurl https://a.example.com/items # all of them`));
    expect(commented.request.url).toBe('https://a.example.com/items');
    expect(commented.notes.join(' ')).toContain('Comment lines');
    const echoed = ok(
      importCurl(`echo '{"a":1}' | curl -H 'Content-Type: application/json' --data-binary @- https://a.example.com`),
    );
    expect(echoed.request.body).toEqual({ kind: 'json', text: '{"a":1}\n' });
    expect(importCurl(`cat body.json | curl -d @- https://a.example.com`)).toMatchObject({ ok: false });
    const piped = ok(importCurl(`curl https://a.example.com | jq .`));
    expect(piped.notes.join(' ')).toContain('What followed the curl command');
    const amp = ok(importCurl('curl https://a.example.com/x?a=1&b=2'));
    expect(amp.request.url).toBe('https://a.example.com/x?a=1'); // bash ends the command at &, as curl gets it
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
      error: expect.stringContaining('http://'),
    });
    expect(importCurl('curl -X TRACE https://a.example.com')).toMatchObject({
      ok: false,
      error: expect.stringContaining('"TRACE"'),
    });
    expect(importCurl(`curl https://a.example.com -H 'no colon'`)).toMatchObject({ ok: false });
    expect(importCurl(`curl 'https://a.example.com`)).toMatchObject({
      ok: false,
      error: expect.stringContaining('never closed'),
    });
  });

  it('a URL without a scheme gets http:// as curl does', () => {
    const { request, notes } = ok(importCurl('curl localhost:8080/health'));
    expect(request.url).toBe('http://localhost:8080/health');
    expect(notes.join(' ')).toContain('http:// was assumed');
  });
});
