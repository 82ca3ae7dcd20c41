import { cpus } from 'node:os';
import { fmt } from './stats';
import { ageCodecBenchRows, benchAgeCodec } from './team-age-codec';
import { benchTeamVaults, teamVaultBenchRows } from './team-vaults';

/**
 * The team vault bench on its own (no build needed):
 *
 *     node test/with-keyring.mjs npx tsx test/bench/team-vaults-cli.ts
 *
 * `npm run bench` runs the same measurement with the others and prints the same rows.
 */
async function main(): Promise<void> {
  const b = await benchTeamVaults();
  console.log(
    `Team vault bench — ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}\n`,
  );
  console.log('| measure | result | target |');
  console.log('|---|---|---|');
  const rows = [...teamVaultBenchRows(b), ...ageCodecBenchRows(await benchAgeCodec())];
  for (const [what, result, target] of rows) console.log(`| ${what} | ${result} | ${target} |`);
  const list = (ms: number[]) => ms.map((v) => fmt(v, 0)).join(', ');
  console.log(`\nContext (not targets):`);
  console.log(`  seeding ${b.entries} entries through addEntry: ${fmt(b.seedMs, 0)} ms`);
  console.log(`  share (encrypt, sign, commit, push ${b.entries} entries): ${fmt(b.shareMs, 0)} ms`);
  console.log(`  join (clone, check, import ${b.entries} entries): ${fmt(b.joinMs, 0)} ms`);
  console.log(`  receive totals: ${list(b.receiveMs)} ms; git: ${list(b.receiveGitMs)} ms`);
  console.log(`  send totals: ${list(b.sendMs)} ms; git: ${list(b.sendGitMs)} ms`);
  console.log(
    `  unlock runs ${b.unlockMs.length}: ${fmt(b.unlockMs[0] ?? NaN, 2)}–${fmt(b.unlockMs.at(-1) ?? NaN, 2)} ms`,
  );
  console.log(`  folder reads: ${list(b.folderReadMs)} ms`);
}

await main();
