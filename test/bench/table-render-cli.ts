import { fmt, percentile } from './stats';
import { benchKeysTable } from './table-render';

/**
 * The keys-table bench on its own, after `npm run build`:
 *
 *     node test/with-keyring.mjs tsx test/bench/table-render-cli.ts
 *
 * The seeding and the harness use the real OS keychain, as the e2e tests do; with-keyring gives them a
 * private, throwaway one on Linux. `npm run bench` runs the same measurement with the others.
 */
async function main(): Promise<void> {
  const result = await benchKeysTable();
  const sorted = [...result.filterKeystrokeMs].sort((a, b) => a - b);
  console.log(`Keys table, ${result.keys.toLocaleString('en-US')} keys, Chromium through the browser harness`);
  console.log(`  first render (click on the app → rows painted): ${fmt(result.firstRenderMs)} ms`);
  console.log(
    `  filter keystrokes ("${result.filterQuery}", one character at a time): median ${fmt(percentile(sorted, 50))} ms, ` +
      `max ${fmt(sorted[sorted.length - 1] ?? Number.NaN)} ms`,
  );
  result.filterKeystrokeMs.forEach((ms, i) =>
    console.log(
      `    "${result.filterQuery.slice(0, i + 1)}" → ${result.filterMatches[i]} match${result.filterMatches[i] === 1 ? '' : 'es'}: ${fmt(ms)} ms`,
    ),
  );
  console.log(`  key rows in the DOM: ${result.rowsInDom} of ${result.keys.toLocaleString('en-US')}`);
}

await main();
