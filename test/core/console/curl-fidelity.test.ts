import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../../../electron/core/console/send-request';
import { importCurl } from '../../../shared/console/curl-import';
import type { ConsoleRequest } from '../../../shared/console/request';
import { CURL_CORPUS, type CurlCorpusCommand } from '../../support/curl-corpus';

/**
 * Issue 16's quality bar: every command of the reference corpus (test/support/curl-corpus.ts) is run
 * through Debian's real curl and imported by Keyhaven, and what a local recording server receives from
 * each is compared. Each command must be sent identically or refused with a reason; the counts are
 * printed. "Identically": the same method, request target, body bytes and headers (names compared
 * without case, values exactly, order aside), except User-Agent and the transport's own Connection
 * and Proxy-Connection.
 *
 * Routing: every URL's host and port become the recording server's, `http://127.0.0.1:<port>`, in the
 * text both get (user names and passwords stay), so a `-x` proxy is the recording server too; what a
 * proxy receives in absolute form (`GET http://host/path`) is compared as the origin would see it.
 * Proxy-Authorization is for the proxy alone and is not compared. A multipart body's boundary is
 * random in both, so it is compared as BOUNDARY; Content-Length still counts its real length.
 */
interface Recorded {
  method: string;
  target: string;
  headers: [string, string][];
  body: string;
}

const TRANSPORT = new Set(['user-agent', 'connection', 'proxy-connection', 'proxy-authorization']);
const toLocalhost: LookupFunction = (_host, options, callback) => {
  if (typeof options === 'object' && options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

/** A multipart boundary is random on both sides: each is written BOUNDARY (both are 40 characters long). */
function withoutBoundary(request: Recorded): Recorded {
  const type = request.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const boundary = /boundary=([^;\s]+)/.exec(type)?.[1];
  if (boundary === undefined) return request;
  const mark = (text: string) => text.split(boundary).join('BOUNDARY');
  return {
    ...request,
    headers: request.headers.map(([name, value]) => [name, mark(value)]),
    body: mark(request.body),
  };
}

function canonical(recorded: Recorded): string {
  const request = withoutBoundary(recorded);
  const headers = request.headers
    .filter(([name]) => !TRANSPORT.has(name.toLowerCase()))
    .map(([name, value]) => `${name.toLowerCase()}: ${value}`)
    .sort();
  return JSON.stringify({ method: request.method, target: request.target, headers, body: request.body }, null, 1);
}

function runBash(command: string, cwd: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = execFile(
      'bash',
      ['-c', command],
      {
        cwd,
        timeout: 15_000,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd, ...env },
      },
      () => undefined,
    );
    child.on('close', (code) => resolve(code ?? -1));
  });
}

describe('curl import against Debian’s curl, over the reference corpus', { timeout: 600_000 }, () => {
  let server: Server;
  let port = 0;
  let recorded: Recorded[] = [];
  let work = '';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'keyhaven-curl-'));
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < req.rawHeaders.length; i += 2)
          pairs.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
        // curl talks to a proxy in absolute form (http://host:port/path): the origin server would see /path.
        const target = (req.url ?? '').replace(/^http:\/\/[^/]*/, '') || '/';
        recorded.push({
          method: req.method ?? '',
          target,
          headers: pairs,
          body: Buffer.concat(chunks).toString('latin1'),
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(work, { recursive: true, force: true });
  });

  const local = (text: string) =>
    text
      .replace(
        /(https?:\/\/)([^/\s'"@]+@)?([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(:\d+)?/g,
        (_m, _scheme: string, user: string | undefined) => `http://${user ?? ''}127.0.0.1:${port}`,
      )
      .replace(/(?<![\w./:@-])localhost(:\d+)?(?=[/\s'"]|$)/g, `127.0.0.1:${port}`);

  async function viaCurl(entry: CurlCorpusCommand, index: number): Promise<Recorded | null> {
    const dir = join(work, String(index));
    await mkdir(dir, { recursive: true });
    for (const [name, content] of Object.entries(entry.files ?? {})) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), content);
    }
    const env = Object.fromEntries(Object.entries(entry.env ?? {}).map(([k, v]) => [k, local(v)]));
    recorded = [];
    await runBash(local(entry.command), dir, env);
    return recorded[0] ?? null;
  }

  async function viaKeyhaven(request: ConsoleRequest): Promise<Recorded | null> {
    recorded = [];
    await sendRequest(request, { lookup: toLocalhost, userAgent: 'Keyhaven-test' });
    return recorded[0] ?? null;
  }

  it('sends what curl sends for every command it imports, and refuses the rest with a reason', async () => {
    const outcome = { identical: 0, refused: 0, withChosenKey: 0, differs: [] as string[] };
    const refusals: string[] = [];
    for (const [index, entry] of CURL_CORPUS.entries()) {
      const curl = await viaCurl(entry, index);
      const imported = importCurl(local(entry.command));
      if (!imported.ok) {
        expect(imported.error.length, entry.id).toBeGreaterThan(20);
        outcome.refused += 1;
        refusals.push(`${entry.id}: ${imported.error}`);
        continue;
      }
      let request = imported.request;
      // `-H "Authorization: Bearer $OPENAI_API_KEY"`: imported with "choose the key"; the user picks the
      // entry holding it, which the test does by typing the value the shell had.
      if (request.auth.kind === 'none' && imported.keyScheme !== null) {
        const value = Object.values(entry.env ?? {})[0];
        if (value === undefined) throw new Error(`${entry.id}: a key reference without a value`);
        request = { ...request, auth: { kind: 'typed', key: value, scheme: imported.keyScheme } };
        outcome.withChosenKey += 1;
      }
      const sent = await viaKeyhaven(request).catch((error: unknown) => {
        outcome.differs.push(`${entry.id}: Keyhaven could not send it (${(error as Error).message})`);
        return undefined;
      });
      if (sent === undefined) continue;
      if (curl === null || sent === null) {
        outcome.differs.push(
          `${entry.id}: ${curl === null ? 'curl sent nothing, Keyhaven imported it' : 'Keyhaven sent nothing'}`,
        );
      } else if (canonical(curl) !== canonical(sent)) {
        outcome.differs.push(`${entry.id}:\n  curl     ${canonical(curl)}\n  keyhaven ${canonical(sent)}`);
      } else outcome.identical += 1;
    }
    console.log(
      `curl corpus: ${CURL_CORPUS.length} commands — ${outcome.identical} sent identically` +
        ` (${outcome.withChosenKey} after choosing the key a $VARIABLE held), ${outcome.refused} refused with a reason,` +
        ` ${outcome.differs.length} different.\nRefused:\n  ${refusals.join('\n  ')}`,
    );
    expect(outcome.differs, outcome.differs.join('\n\n')).toEqual([]);
    expect(CURL_CORPUS.length).toBeGreaterThanOrEqual(100);
  });
});
