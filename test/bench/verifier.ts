import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type * as VerifyModule from '../../shared/verify/index';
import { plannedKey, signedKeyset, signingApp, type SigningApp } from '../core/verify/keyset-fixture';
import { percentile, fmt } from './stats';
import { figures, listen, load, type BenchRow, type LoadFigures } from './test-api';

/**
 * The offline verifier's figures for `npm run bench` (issue 12), measured on the BUILT module a service
 * copies in (out/verify/keyhaven-verify.mjs), with keysets signed as Keyhaven signs them:
 *   (a) verifications per second in one thread, 10,000 keys in the keyset, against a bare node:crypto
 *       HMAC-SHA-256 loop over the same keys, after a warm-up of both;
 *   (b) the latency of one verification, each call timed on its own, after a warm-up;
 *   (c) the load time and the memory held for a 100,000-key keyset given as JSON text;
 *   (d) a node:http route behind nodeGuard against a bare server answering the same body, by autocannon
 *       (one worker thread), in alternating runs.
 */
const BUILT = fileURLToPath(new URL('../../out/verify/keyhaven-verify.mjs', import.meta.url));
const ROUNDS = 300_000;
const LATENCY_CALLS = 100_000;
const HTTP_RUNS = 5;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export interface VerifierBenchOptions {
  /** Seconds of load per server (default 10), in five alternating runs after a 1 s warm-up each. */
  durationS?: number;
  connections?: number;
}

export interface VerifierBench {
  verifyPerSec: number;
  barePerSec: number;
  latencyUs: { p50: number; p99: number; p999: number; max: number };
  load: { keys: number; textMB: number; ms: number; heapMB: number; rssMB: number };
  guarded: LoadFigures;
  bare: LoadFigures;
  connections: number;
  durationS: number;
}

/** The n-th key id: 8 base62 digits, all distinct. */
function keyId(n: number): string {
  let id = '';
  for (let i = 0, rest = n; i < 8; i += 1, rest = Math.floor(rest / 62)) id = BASE62[rest % 62] + id;
  return id;
}

function keysetText(app: SigningApp, count: number): { text: string; keys: string[] } {
  const planned = Array.from({ length: count }, (_, n) => plannedKey(keyId(n), { scopes: ['read:items'] }));
  const validUntil = new Date(Date.now() + 7 * 86_400_000).toISOString();
  return { text: JSON.stringify(signedKeyset(app, planned, { validUntil })), keys: planned.map((p) => p.key) };
}

async function builtVerifier(): Promise<typeof VerifyModule> {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run npm run build first.`);
  return (await import(pathToFileURL(BUILT).href)) as typeof VerifyModule;
}

/** The garbage collector, for the memory figure, without restarting Node with --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Verifications per second against bare HMACs per second over the same keys. The two loops alternate in
 * chunks of 10,000 and each sums its own time, so both see the same moments of a noisy machine.
 */
async function throughput(verifier: VerifyModule.Verifier, app: SigningApp, keys: string[]) {
  const chunk = 10_000;
  let verifyNs = 0;
  let bareNs = 0;
  let valid = 0;
  for (let done = 0; done < ROUNDS; done += chunk) {
    let start = process.hrtime.bigint();
    for (let i = done; i < done + chunk; i += 1) if ((await verifier.verify(keys[i % keys.length])).valid) valid += 1;
    verifyNs += Number(process.hrtime.bigint() - start);
    start = process.hrtime.bigint();
    for (let i = done; i < done + chunk; i += 1)
      createHmac('sha256', app.secretBytes)
        .update(keys[i % keys.length] as string)
        .digest();
    bareNs += Number(process.hrtime.bigint() - start);
  }
  if (valid !== ROUNDS) throw new Error(`only ${valid} of ${ROUNDS} verified`);
  return { verifyPerSec: (ROUNDS / verifyNs) * 1e9, barePerSec: (ROUNDS / bareNs) * 1e9 };
}

async function latency(verifier: VerifyModule.Verifier, keys: string[]): Promise<VerifierBench['latencyUs']> {
  for (let i = 0; i < 20_000; i += 1) await verifier.verify(keys[i % keys.length]);
  const samples: number[] = new Array(LATENCY_CALLS);
  for (let i = 0; i < LATENCY_CALLS; i += 1) {
    const start = process.hrtime.bigint();
    await verifier.verify(keys[(i * 7919) % keys.length]);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  samples.sort((a, b) => a - b);
  const max = samples[samples.length - 1] as number;
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), p999: percentile(samples, 99.9), max };
}

async function loadFigures(module: typeof VerifyModule, app: SigningApp): Promise<VerifierBench['load']> {
  const keys = 100_000;
  const { text } = keysetText(app, keys);
  const gc = collector();
  gc();
  const before = process.memoryUsage();
  const start = process.hrtime.bigint();
  const verifier = await module.createVerifier({ keyset: text, publicKey: app.publicKey, secret: app.secret });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  gc();
  const after = process.memoryUsage();
  if (verifier.keyset.sequence !== 1) throw new Error('the 100,000-key keyset was not loaded');
  return {
    keys,
    textMB: text.length / 1e6,
    ms,
    heapMB: (after.heapUsed - before.heapUsed) / 1e6,
    rssMB: (after.rss - before.rss) / 1e6,
  };
}

/** Runs of equal length as one: mean throughput, the worst p50, p99 and max, all answers. */
function combined(runs: LoadFigures[]): LoadFigures {
  const worst = (pick: (f: LoadFigures) => number) => Math.max(...runs.map(pick));
  return {
    requestsPerSec: runs.reduce((sum, f) => sum + f.requestsPerSec, 0) / runs.length,
    p50Ms: worst((f) => f.p50Ms),
    p99Ms: worst((f) => f.p99Ms),
    maxMs: worst((f) => f.maxMs),
    total: runs.reduce((sum, f) => sum + f.total, 0),
  };
}

async function guardFigures(
  module: typeof VerifyModule,
  verifier: VerifyModule.Verifier,
  key: string,
  o: Required<VerifierBenchOptions>,
) {
  const body = Buffer.from(JSON.stringify({ items: [] }));
  const answer = (response: ServerResponse) =>
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
  const guard = module.nodeGuard(verifier, { scope: 'read:items' });
  const guarded = createServer(async (request, response) => {
    if (await guard(request, response)) answer(response);
  });
  const bare = createServer((_request, response) => answer(response));
  try {
    const headers = { authorization: `Bearer ${key}` };
    const guardedUrl = `http://127.0.0.1:${await listen(guarded)}/v1/items`;
    const bareUrl = `http://127.0.0.1:${await listen(bare)}/v1/items`;
    await load(guardedUrl, headers, o.connections, 1, 1);
    await load(bareUrl, headers, o.connections, 1, 1);
    // Alternating short runs, so a change in the machine's other load falls on both servers alike.
    const guardedRuns: LoadFigures[] = [];
    const bareRuns: LoadFigures[] = [];
    for (let run = 0; run < HTTP_RUNS; run += 1) {
      guardedRuns.push(figures(await load(guardedUrl, headers, o.connections, o.durationS / HTTP_RUNS, 1)));
      bareRuns.push(figures(await load(bareUrl, headers, o.connections, o.durationS / HTTP_RUNS, 1)));
    }
    return { guarded: combined(guardedRuns), bare: combined(bareRuns) };
  } finally {
    for (const server of [guarded, bare]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }
}

export async function benchVerifier(options: VerifierBenchOptions = {}): Promise<VerifierBench> {
  const o = { durationS: options.durationS ?? 10, connections: options.connections ?? 50 };
  const module = await builtVerifier();
  const app = signingApp();
  const { text, keys } = keysetText(app, 10_000);
  const verifier = await module.createVerifier({ keyset: text, publicKey: app.publicKey, secret: app.secret });
  await throughput(verifier, app, keys);
  const rates = await throughput(verifier, app, keys);
  const latencyUs = await latency(verifier, keys);
  const load = await loadFigures(module, signingApp());
  const http = await guardFigures(module, verifier, keys[0] as string, o);
  return { ...rates, latencyUs, load, ...http, ...o };
}

export function verifierBenchRows(b: VerifierBench): BenchRow[] {
  const us = (n: number) => `${fmt(n, 1)} µs`;
  const share = (a: number, base: number) => `${fmt((a / base) * 100)} %`;
  const setting = `keep-alive, ${b.connections} connections, ${b.durationS} s`;
  const http = (f: LoadFigures) => `${fmt(f.requestsPerSec, 0)} req/s · p99 ${fmt(f.p99Ms, 0)} ms`;
  return [
    ['Keyset verifier (built module): verify a key, 10,000 keys, one thread', `${fmt(b.verifyPerSec, 0)} /s`, '—'],
    ['Bare HMAC-SHA-256 loop over the same keys (node:crypto)', `${fmt(b.barePerSec, 0)} /s`, '—'],
    ['Keyset verifier as share of bare HMAC', share(b.verifyPerSec, b.barePerSec), '≥ 50 %'],
    [
      `Keyset verifier: one verification (${LATENCY_CALLS.toLocaleString('en-US')} calls timed each)`,
      `p50 ${us(b.latencyUs.p50)} · p99 ${us(b.latencyUs.p99)} · p99.9 ${us(b.latencyUs.p999)} · max ${us(b.latencyUs.max)}`,
      'p99 ≤ 20 µs',
    ],
    [
      `Keyset verifier: load a ${b.load.keys.toLocaleString('en-US')}-key keyset (${fmt(b.load.textMB)} MB of JSON text)`,
      `${fmt(b.load.ms, 0)} ms`,
      '—',
    ],
    [
      `Keyset verifier: memory held for ${b.load.keys.toLocaleString('en-US')} keys (after GC)`,
      `heap +${fmt(b.load.heapMB)} MB · RSS +${fmt(b.load.rssMB)} MB`,
      '—',
    ],
    [`node:http route behind nodeGuard, valid Bearer key (${setting})`, http(b.guarded), '—'],
    ['Bare node:http server, the same body (same settings)', http(b.bare), '—'],
    [
      'nodeGuard route throughput as share of the bare server',
      share(b.guarded.requestsPerSec, b.bare.requestsPerSec),
      '≥ 70 %',
    ],
  ];
}
