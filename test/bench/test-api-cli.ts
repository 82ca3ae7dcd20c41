import { cpus } from 'node:os';
import { fmt } from './stats';
import { benchTestApi, testApiBenchRows } from './test-api';

/**
 * The local test API bench on its own (no build needed):
 *
 *     node test/with-keyring.mjs npx tsx test/bench/test-api-cli.ts [--workers N] [--duration S]
 *
 * `npm run bench` runs the same measurement with the others and prints the same rows.
 */
function option(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return undefined;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

async function main(): Promise<void> {
  const workers = option('workers');
  const durationS = option('duration');
  const b = await benchTestApi({
    ...(workers !== undefined ? { workers } : {}),
    ...(durationS !== undefined ? { durationS } : {}),
  });
  console.log(
    `Local test API bench — ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}\n`,
  );
  console.log('| measure | result | target |');
  console.log('|---|---|---|');
  for (const [what, result, target] of testApiBenchRows(b)) console.log(`| ${what} | ${result} | ${target} |`);
  console.log(`\nContext (not targets):`);
  console.log(`  autocannon worker threads: ${b.workers}; each measured run follows a 1 s warm-up`);
  console.log(
    `  test API: ${b.testApi.total.toLocaleString('en-US')} answers, max ${fmt(b.testApi.maxMs, 0)} ms; bare: ${b.bare.total.toLocaleString('en-US')} answers, max ${fmt(b.bare.maxMs, 0)} ms`,
  );
  console.log(
    `  the key's use count afterwards: ${b.keyUses.toLocaleString('en-US')} (autocannon counted ${b.calls.toLocaleString('en-US')} answers; up to ${b.connections} per run were still in flight when it stopped)`,
  );
}

await main();
