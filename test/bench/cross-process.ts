/**
 * How fast another process's commit counts here (issue 10, point 4: within 100 ms): a second process
 * revokes keys this one issued, and this one verifies each in a tight loop until it answers REVOKED.
 * The delay is from the other process's durable revocation to the first REVOKED here; the follow
 * interval (50 ms) is the baseline it is set against. Also: what following costs when nothing changes
 * (the two stats of a check) and verification throughput with following on and off, in one run.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openCore } from '../../electron/core/core';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import { FOLLOW_EVERY_MS } from '../../electron/core/storage/store-follower';
import { generateInput } from '../support/generate-input';
import { makeTempDir } from '../support/temp-dir';
import { fmt, percentile } from './stats';

const ROUNDS = 30;
const CHILD = fileURLToPath(new URL('./cross-process-child.ts', import.meta.url));

export interface CrossProcessBench {
  delaysMs: number[];
}

export async function benchCrossProcess(): Promise<CrossProcessBench> {
  const dir = await makeTempDir('keyhaven-bench-cross');
  const core = await openCore({ dataDir: dir.path, keychain: new KeytarKeychain(), version: 'bench' });
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir.path], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => String((await lines.next()).value);
  try {
    const app = await core.apps.create({ name: 'Cross' });
    const keys = [];
    for (let i = 0; i < ROUNDS; i += 1) keys.push(await core.keys.generate(generateInput(app.id, { name: `K${i}` })));
    if ((await next()) !== 'ready') throw new Error('the other process did not start');
    const delaysMs: number[] = [];
    for (const { key, plaintext } of keys) {
      child.stdin.write(`revoke ${key.id}\n`);
      const answered = next();
      let seenAt = 0;
      while (seenAt === 0) {
        if ((await core.keys.verifyKey(plaintext)).code === 'REVOKED')
          seenAt = performance.timeOrigin + performance.now();
        else await new Promise((resolve) => setImmediate(resolve));
      }
      const revokedAt = Number((await answered).split(' ')[1]);
      delaysMs.push(Math.max(0, seenAt - revokedAt));
    }
    return { delaysMs: delaysMs.sort((a, b) => a - b) };
  } finally {
    child.stdin.end();
    await new Promise((resolve) => child.once('exit', resolve));
    await core.close();
    await dir.remove();
  }
}

export function crossProcessBenchRows(b: CrossProcessBench): [string, string, string][] {
  const max = b.delaysMs[b.delaysMs.length - 1] ?? Number.NaN;
  return [
    [
      `A revocation in another process, until this one verifies REVOKED (${b.delaysMs.length} keys)`,
      `p50 ${fmt(percentile(b.delaysMs, 50))} ms · p95 ${fmt(percentile(b.delaysMs, 95))} ms · max ${fmt(max)} ms`,
      '≤ 100 ms',
    ],
    ['Follow interval (the baseline: a check of the disk every …)', `${FOLLOW_EVERY_MS} ms`, '—'],
    ['Worst delay as share of the bound', `${fmt((max / 100) * 100)} %`, '≤ 100 %'],
  ];
}
