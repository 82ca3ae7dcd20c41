import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'shell-quote';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeaderScheme } from '../../../shared/catalogs/service-presets';
import { consoleRequestSchema, type ConsoleRequestInput } from '../../../shared/console/request';
import { variableEnvName } from '../../../shared/console/snippet-variables';
import { envVarName, snippetFor, SNIPPET_TARGETS, type SnippetTarget } from '../../../shared/console/snippets';
import { multipartFields } from '../../support/multipart-fields';
import { startServer, type Seen, type TestServer } from './servers';

/**
 * Snippets are checked by running them where the tool exists here: the curl snippet through bash and
 * the real curl, the fetch snippet in a Node VM with the real fetch, the Python snippet with python3
 * and requests, each against a local echo server with PYAS_API_KEY in the environment; the HTTPie
 * snippet (no http command here) by splitting it into words as the shell would, with shell-quote.
 */
const KEY = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9';
const ENV = 'PYAS_API_KEY';

const has = (command: string, args: string[]) => spawnSync(command, args).status === 0;
const canCurl = has('bash', ['-c', 'curl --version']);
const canPython = has('python3', ['-c', 'import requests']);

let api: TestServer;
let dir: string;
beforeAll(async () => {
  api = await startServer();
  dir = await mkdtemp(join(tmpdir(), 'keyhaven-snippets-'));
  if (!canCurl) console.warn('curl is not installed: the curl snippet is only parsed, not run.');
  if (!canPython) console.warn('python3 with requests is not installed: the Python snippet is only inspected.');
});
afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

function run(file: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env: { ...process.env, ...env }, timeout: 20_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${file} failed: ${stderr}`)) : resolve(stdout),
    );
  });
}

/** Runs a snippet for real (or parses it) and returns what the echo server saw. */
async function execute(target: SnippetTarget, code: string, env: Record<string, string>): Promise<Seen | string[]> {
  const before = api.seen.length;
  if (target === 'curl' && canCurl) await run('bash', ['-c', code], env);
  else if (target === 'python' && canPython) {
    const file = join(dir, `snippet-${before}.py`);
    await writeFile(file, code);
    await run('python3', [file], env);
  } else if (target === 'fetch') {
    const logged: unknown[] = [];
    await runInNewContext(`(async () => {\n${code}\n})()`, {
      fetch,
      URLSearchParams,
      process: { env },
      console: { log: (v: unknown) => logged.push(v), error: (e: unknown) => logged.push(e) },
    });
    expect(logged[0]).not.toBeInstanceOf(Error);
  } else {
    return parse(code.replace(/\\\n/g, ' '), env).filter((w): w is string => typeof w === 'string');
  }
  expect(api.seen.length).toBe(before + 1);
  return api.seen[before]!;
}

const request = (scheme: HeaderScheme | null, extra: Partial<ConsoleRequestInput> = {}) =>
  consoleRequestSchema.parse({
    method: 'POST',
    url: `${api.origin}/v1/items?fixed=1`,
    query: [{ name: 'q', value: 'a b', enabled: true }],
    headers: [{ name: 'X-Trace', value: "it's", enabled: true }],
    body: { kind: 'json', text: '{"name":"it\'s","n":1}' },
    auth: scheme ? { kind: 'typed', key: KEY, scheme } : { kind: 'none' },
    ...extra,
  });

const SCHEMES: [HeaderScheme, string][] = [
  [{ kind: 'x-api-key' }, `x-api-key: ${KEY}`],
  [{ kind: 'bearer' }, `Authorization: Bearer ${KEY}`],
  [{ kind: 'api-key' }, `Authorization: Api-Key ${KEY}`],
  [{ kind: 'header', name: 'X-Token' }, `X-Token: ${KEY}`],
  [{ kind: 'query', name: 'api_key' }, `?api_key=${KEY}`],
];

function expectKeyArrived(result: Seen | string[], scheme: HeaderScheme, line: string) {
  if (Array.isArray(result)) {
    // HTTPie words: `name:value` headers, the URL as one word.
    if (scheme.kind === 'query') {
      const url = result.find((w) => w.startsWith('http://'))!;
      expect(new URL(url).searchParams.get(scheme.name)).toBe(KEY);
    } else {
      const [name, value] = line.split(': ');
      expect(result).toContain(`${name}:${value}`);
    }
    return;
  }
  const url = new URL(result.url, api.origin);
  expect(url.searchParams.get('fixed')).toBe('1');
  expect(url.searchParams.get('q')).toBe('a b');
  expect(JSON.parse(result.body)).toEqual({ name: "it's", n: 1 });
  expect(result.headers['x-trace']).toBe("it's");
  if (scheme.kind === 'query') {
    expect(url.searchParams.get(scheme.name)).toBe(KEY);
  } else {
    const name = line.split(': ')[0]!.toLowerCase();
    expect(result.headers[name]).toBe(line.slice(line.indexOf(': ') + 2));
  }
}

describe.each(SNIPPET_TARGETS)('%s snippet', (target) => {
  it.each(SCHEMES)('references the variable for %o and works with it set', async (scheme, line) => {
    const code = await snippetFor(request(scheme), target, { envVar: ENV });
    expect(code).not.toContain(KEY);
    expect(code).not.toContain('KEYHAVENxKEY');
    expect(code).toContain(ENV);
    expectKeyArrived(await execute(target, code, { [ENV]: KEY }), scheme, line);
  });

  it('includes the key only when asked', async () => {
    const scheme: HeaderScheme = { kind: 'bearer' };
    const code = await snippetFor(request(scheme), target, { includeKey: KEY });
    expect(code).toContain(KEY);
    expect(code).not.toContain(ENV);
    expectKeyArrived(await execute(target, code, {}), scheme, `Authorization: Bearer ${KEY}`);
  });

  it('a vault entry or a history item (typed-removed) gives the reference, never a key', async () => {
    const base = request(null);
    for (const auth of [
      { kind: 'entry', entryId: '6f1e2b8e-6a53-4d35-9d4f-3f3f1f1a2b3c', scheme: { kind: 'x-api-key' } },
      { kind: 'typed-removed', scheme: { kind: 'x-api-key' } },
    ] as const) {
      const code = await snippetFor({ ...base, auth }, target, { envVar: ENV });
      expect(code).toContain(ENV);
    }
  });

  it('without auth has no key and no variable', async () => {
    const code = await snippetFor(request(null), target, { envVar: ENV });
    expect(code).not.toContain(ENV);
    expect(await execute(target, code, {})).toBeTruthy();
  });
});

describe('snippets', () => {
  it('form bodies work in every target', async () => {
    const scheme: HeaderScheme = { kind: 'x-api-key' };
    for (const target of SNIPPET_TARGETS) {
      const code = await snippetFor(
        request(scheme, {
          body: {
            kind: 'form',
            fields: [
              { name: 'a', value: '1 & 2' },
              { name: 'b c', value: "it's=ok" },
            ],
          },
        }),
        target,
        { envVar: ENV },
      );
      const seen = await execute(target, code, { [ENV]: KEY });
      if (Array.isArray(seen)) expect(seen).toContain('a=1+%26+2&b+c=it%27s%3Dok');
      else
        expect([...new URLSearchParams(seen.body)]).toEqual([
          ['a', '1 & 2'],
          ['b c', "it's=ok"],
        ]);
    }
  });

  it('multipart bodies work in every target: a value is never read as a file or a part option', async () => {
    const parts = [
      { name: 'note', value: '@home; "ok" <x>', contentType: '' },
      { name: 'meta', value: '{"a":"b\\c"}', contentType: 'application/json' },
    ];
    for (const target of SNIPPET_TARGETS) {
      const code = await snippetFor(request({ kind: 'x-api-key' }, { body: { kind: 'multipart', parts } }), target, {
        envVar: ENV,
      });
      const seen = await execute(target, code, { [ENV]: KEY });
      if (Array.isArray(seen)) {
        // HTTPie: the exact body on its standard input, under the boundary its Content-Type names.
        expect(seen.join(' ')).toContain('boundary=KeyhavenFormBoundary');
        expect(seen.join(' ')).toContain('name="meta"\r\nContent-Type: application/json\r\n\r\n{"a":"b\\c"}');
        continue;
      }
      expect(seen.headers['x-api-key']).toBe(KEY);
      expect(await multipartFields(seen.body, seen.headers['content-type'] ?? '')).toEqual([
        ['note', '@home; "ok" <x>'],
        ['meta', '{"a":"b\\c"}'],
      ]);
      expect(seen.body, target).toContain('name="meta"\r\nContent-Type: application/json\r\n');
    }
    // Parts curl's -F cannot say (a name with =, an empty name) go to curl as the exact body instead.
    const odd = [
      { name: 'a=b', value: '1', contentType: '' },
      { name: '', value: '2', contentType: '' },
    ];
    const curl = await snippetFor(request(null, { body: { kind: 'multipart', parts: odd } }), 'curl', { envVar: ENV });
    expect(curl).not.toContain('--form');
    const seen = await execute('curl', curl, {});
    if (!Array.isArray(seen)) {
      expect(await multipartFields(seen.body, seen.headers['content-type'] ?? '')).toEqual([
        ['a=b', '1'],
        ['', '2'],
      ]);
    }
  });

  it('bodies and headers with backslashes and quotes arrive as written, in every target', async () => {
    const bodies = [
      { kind: 'json', text: '{"path":"C:\\\\temp","say":"line\\nbreak \\"q\\" it\'s \\\\\'"}' },
      { kind: 'raw', text: "a\\b \\' \\n", contentType: 'text/plain' },
    ] as const;
    for (const target of SNIPPET_TARGETS)
      for (const body of bodies) {
        const headers = [{ name: 'X-Path', value: "C:\\dir\\it's", enabled: true }];
        const code = await snippetFor(request(null, { body, headers }), target, { envVar: ENV });
        const seen = await execute(target, code, {});
        if (Array.isArray(seen)) continue; // HTTPie is only split into words here
        expect(seen.body, `${target} ${body.kind}`).toBe(body.text);
        expect(seen.headers['x-path'], target).toBe("C:\\dir\\it's");
      }
  });

  it('the shell forms read as the brief shows them', async () => {
    expect(await snippetFor(request({ kind: 'bearer' }), 'curl', { envVar: ENV })).toContain(
      `--header "Authorization: Bearer $${ENV}"`,
    );
    expect(await snippetFor(request({ kind: 'x-api-key' }), 'httpie', { envVar: ENV })).toContain(
      `x-api-key:"$${ENV}"`,
    );
    expect(await snippetFor(request({ kind: 'x-api-key' }), 'fetch', { envVar: ENV })).toContain(
      `'x-api-key': process.env.${ENV}`,
    );
    const python = await snippetFor(request({ kind: 'bearer' }), 'python', { envVar: ENV });
    expect(python).toContain(`f"Bearer {os.environ['${ENV}']}"`);
    expect(python.startsWith('import os\n')).toBe(true);
  });

  it('refuses an environment variable name that is not one', async () => {
    await expect(snippetFor(request({ kind: 'bearer' }), 'curl', { envVar: 'A B' })).rejects.toThrow();
  });

  it('envVarName', () => {
    expect(envVarName('Pyas')).toBe('PYAS_API_KEY');
    expect(envVarName('nexos.ai')).toBe('NEXOS_AI_API_KEY');
    expect(envVarName('Extracta API key')).toBe('EXTRACTA_API_KEY');
    expect(envVarName('GitHub token')).toBe('GITHUB_TOKEN');
    expect(envVarName('Café crème')).toBe('CAFE_CREME_API_KEY');
    expect(envVarName('3scale')).toBe('KEY_3SCALE_API_KEY');
    expect(envVarName('  ')).toBe('API_KEY');
  });
});

describe('snippets with {{variables}} (issue 13)', () => {
  const templated = consoleRequestSchema.parse({
    method: 'GET',
    url: '{{baseUrl}}/v1/items/{{itemId}}',
    headers: [{ name: 'Authorization', value: 'Bearer {{apiKey}}', enabled: true }],
  });

  it('uses an environment variable per variable, in every language, never a value', async () => {
    const curl = await snippetFor(templated, 'curl', { envVar: 'API_KEY' });
    expect(curl).toContain('--url "$BASE_URL/v1/items/$ITEM_ID"');
    expect(curl).toContain('"Authorization: Bearer $API_KEY"');
    const fetch = await snippetFor(templated, 'fetch', { envVar: 'API_KEY' });
    expect(fetch).toContain('`${process.env.BASE_URL}/v1/items/${encodeURIComponent(process.env.ITEM_ID)}`');
    expect(fetch).toContain('`Bearer ${process.env.API_KEY}`');
    const python = await snippetFor(templated, 'python', { envVar: 'API_KEY' });
    expect(python).toContain(`f"{os.environ['BASE_URL']}/v1/items/{os.environ['ITEM_ID']}"`);
    expect(python).toMatch(/^import os$/m);
    for (const code of [curl, fetch, python]) expect(code).not.toMatch(/khvarx|\{\{/);
  });

  it.each(['curl', 'fetch', 'python'] as const)('%s: run with the variables set, sends the request', async (target) => {
    const code = await snippetFor(templated, target, { envVar: 'API_KEY' });
    const env = { BASE_URL: api.origin, ITEM_ID: '42', API_KEY: KEY };
    const seen = await execute(target, code, env);
    if (Array.isArray(seen)) expect(seen).toContain(`Authorization: Bearer ${KEY}`);
    else {
      expect(seen.url).toBe('/v1/items/42');
      expect(seen.headers.authorization).toBe(`Bearer ${KEY}`);
    }
  });

  it('names variables as the shell writes them', () => {
    expect(variableEnvName('baseUrl')).toBe('BASE_URL');
    expect(variableEnvName('api-key')).toBe('API_KEY');
    expect(variableEnvName('2fa')).toBe('V_2FA');
  });
});
