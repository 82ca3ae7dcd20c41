import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { openCore } from '../../electron/core/core';
import { testApiKeysOf } from '../../electron/core/keys/test-api-keys';
import { startTestApi } from '../../electron/core/test-api/test-api-server';
import { generateInput } from '../support/generate-input';
import { MemoryKeychain } from '../support/memory-keychain';
import { makeTempDir } from '../support/temp-dir';
import { fmt } from './stats';

/**
 * Local test API figures for `npm run bench` (issue 5): `GET /v1/whoami` with a valid Bearer key over
 * keep-alive connections, driven by autocannon, next to a bare `node:http` server on the same machine
 * that answers the same JSON bytes as a constant (same autocannon settings), as a ratio.
 *
 * The server runs on this process's main thread, as it does in Electron's main process; autocannon fires
 * from worker threads (one by default), so load generation and the server do not share an event loop.
 * The real core over real files (the usage flush included); the keychain is in memory, its one read at
 * first use is not on the measured path. autocannon's latency histogram has a 1 ms resolution.
 */
export type BenchRow = [string, string, string];

export interface TestApiBenchOptions {
  /** Concurrent keep-alive connections (default 50). */
  connections?: number;
  /** Seconds per measured run (default 10); each run follows a 1 s warm-up. */
  durationS?: number;
  /** autocannon worker threads (default 1). */
  workers?: number;
}

export interface LoadFigures {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Completed requests, all 2xx (a non-2xx answer or an error fails the bench). */
  total: number;
}

export interface TestApiBench {
  connections: number;
  durationS: number;
  workers: number;
  testApi: LoadFigures;
  bare: LoadFigures;
  /** The key's use count after the runs, warm-ups included: every answered call was counted. */
  keyUses: number;
  /** whoami answers autocannon counted, warm-ups included (calls still in flight when a run stopped are not). */
  calls: number;
}

/** The part of autocannon's programmatic API used here (it ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  workers?: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** One autocannon run against `url`; any error, timeout or non-2xx answer fails the bench. */
export async function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  durationS: number,
  workers: number,
): Promise<AutocannonResult> {
  const result = await autocannon({
    url,
    headers,
    connections,
    duration: durationS,
    ...(workers > 0 ? { workers } : {}),
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers of ${result.requests.total}`,
    );
  }
  return result;
}

export const figures = (r: AutocannonResult): LoadFigures => ({
  requestsPerSec: r.requests.average,
  p50Ms: r.latency.p50,
  p99Ms: r.latency.p99,
  maxMs: r.latency.max,
  total: r['2xx'],
});

export function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function benchTestApi(options: TestApiBenchOptions = {}): Promise<TestApiBench> {
  const connections = options.connections ?? 50;
  const durationS = options.durationS ?? 10;
  const workers = options.workers ?? 1;
  const dir = await makeTempDir('keyhaven-bench-test-api');
  const core = await openCore({ dataDir: dir.path, keychain: new MemoryKeychain(), version: 'bench' });
  const bare = createServer();
  try {
    const app = await core.apps.create({ name: 'Bench' });
    const { plaintext, key } = await core.keys.generate(generateInput(app.id, { name: 'Bench key' }));
    const api = await startTestApi({ keys: testApiKeysOf(core.keys, core.keysets, core.db, core.clock), port: 0 });
    try {
      const url = `${api.baseUrl}/v1/whoami`;
      const headers = { authorization: `Bearer ${plaintext}` };
      const first = await fetch(url, { headers });
      if (first.status !== 200) throw new Error(`whoami answered ${first.status}`);
      // The bare server answers the very bytes whoami answers, so the ratio is the test API's own work.
      const constant = Buffer.from(await first.text());
      bare.on('request', (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': constant.length });
        res.end(constant);
      });
      const barePort = await listen(bare);
      const bareUrl = `http://127.0.0.1:${barePort}/v1/whoami`;

      let calls = 1;
      calls += (await load(url, headers, connections, 1, workers))['2xx'];
      const measured = await load(url, headers, connections, durationS, workers);
      calls += measured['2xx'];
      await load(bareUrl, headers, connections, 1, workers);
      const bareMeasured = await load(bareUrl, headers, connections, durationS, workers);

      await core.usage.flush();
      const keyUses = core.keys.list(app.id).find((k) => k.id === key.id)?.useCount ?? 0;
      return {
        connections,
        durationS,
        workers,
        testApi: figures(measured),
        bare: figures(bareMeasured),
        keyUses,
        calls,
      };
    } finally {
      await api.close();
    }
  } finally {
    if (bare.listening) {
      bare.closeAllConnections();
      await new Promise((resolve) => bare.close(resolve));
    }
    await core.close();
    await dir.remove();
  }
}

export function testApiBenchRows(b: TestApiBench): BenchRow[] {
  const setting = `keep-alive, ${b.connections} connections, ${b.durationS} s`;
  return [
    [
      `Local test API: GET /v1/whoami, Bearer key (${setting})`,
      `${fmt(b.testApi.requestsPerSec, 0)} req/s · p50 ${fmt(b.testApi.p50Ms, 0)} ms · p99 ${fmt(b.testApi.p99Ms, 0)} ms`,
      '≥ 10,000 req/s · p99 ≤ 10 ms',
    ],
    [
      'Bare node:http server, the same JSON as a constant (same settings)',
      `${fmt(b.bare.requestsPerSec, 0)} req/s · p50 ${fmt(b.bare.p50Ms, 0)} ms · p99 ${fmt(b.bare.p99Ms, 0)} ms`,
      '—',
    ],
    [
      'Local test API throughput as share of the bare server',
      `${fmt((b.testApi.requestsPerSec / b.bare.requestsPerSec) * 100)} % (ratio ${fmt(b.testApi.requestsPerSec / b.bare.requestsPerSec, 2)})`,
      '—',
    ],
  ];
}
