import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConsoleService } from '../../electron/core/console/console-service';
import { consoleRequestSchema } from '../../shared/console/request';
import { makeTempDir } from '../support/temp-dir';
import { fmt, percentile, timeMsAsync } from './stats';
import type { BenchRow } from './test-api';

/**
 * The request console's overhead per request (issue 5): `ConsoleService.send` — validation already
 * done, key placement, manual redirect handling, the capped response reader, and the history write
 * (one fsynced journal line) — against a plain `fetch` of the same loopback URL, sequentially. Entries
 * are not involved (a typed key), so no keychain or vault work is measured.
 */
const RUNS = 500;

export interface ConsoleBench {
  fetchP50Ms: number;
  consoleP50Ms: number;
  consoleP99Ms: number;
  overheadMs: number;
}

export async function benchConsole(runs = RUNS): Promise<ConsoleBench> {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, auth: req.headers.authorization ? 'present' : 'absent' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/whoami`;
  const dir = await makeTempDir('keyhaven-bench-console');
  const notUsed = {
    reveal: () => {
      throw new Error('no vault entry in this bench');
    },
    get: () => {
      throw new Error('no vault entry in this bench');
    },
    find: () => {
      throw new Error('no vault entry in this bench');
    },
    recordSent: () => Promise.resolve(),
    recordShown: () => Promise.resolve(),
  };
  const service = await ConsoleService.open(dir.path, notUsed);
  try {
    const key = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9';
    const consoleRequest = consoleRequestSchema.parse({
      method: 'GET',
      url,
      auth: { kind: 'typed', key, scheme: { kind: 'bearer' } },
    });
    const fetchOnce = async () => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
      await response.text();
    };
    const consoleOnce = async () => {
      const response = await service.send(randomUUID(), consoleRequest);
      if (response.status !== 200) throw new Error(`console answered ${response.status}`);
    };
    for (let i = 0; i < 50; i++) {
      await fetchOnce();
      await consoleOnce();
    }
    const fetchTimes: number[] = [];
    const consoleTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      fetchTimes.push(await timeMsAsync(fetchOnce));
      consoleTimes.push(await timeMsAsync(consoleOnce));
    }
    fetchTimes.sort((a, b) => a - b);
    consoleTimes.sort((a, b) => a - b);
    const fetchP50Ms = percentile(fetchTimes, 50);
    const consoleP50Ms = percentile(consoleTimes, 50);
    return {
      fetchP50Ms,
      consoleP50Ms,
      consoleP99Ms: percentile(consoleTimes, 99),
      overheadMs: consoleP50Ms - fetchP50Ms,
    };
  } finally {
    await service.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dir.remove();
  }
}

export function consoleBenchRows(b: ConsoleBench): BenchRow[] {
  return [
    ['Plain fetch of a loopback URL, sequential', `p50 ${fmt(b.fetchP50Ms, 2)} ms`, '—'],
    [
      'Console send of the same request (key placement, redirects, capped read, history write)',
      `p50 ${fmt(b.consoleP50Ms, 2)} ms · p99 ${fmt(b.consoleP99Ms, 2)} ms`,
      '—',
    ],
    ['Console overhead per request (p50 difference)', `${fmt(b.overheadMs, 2)} ms`, '—'],
  ];
}
