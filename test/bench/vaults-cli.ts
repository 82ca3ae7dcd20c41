import { cpus } from 'node:os';
import { fmt, percentile } from './stats';
import { benchVaults, vaultBenchRows } from './vaults';

/**
 * The vault bench on its own (no build needed):
 *
 *     node test/with-keyring.mjs tsx test/bench/vaults-cli.ts
 *
 * It uses the real OS keychain; with-keyring gives it a private, throwaway one on Linux. `npm run bench`
 * runs the same measurement with the others and prints the same rows.
 */
async function main(): Promise<void> {
  const b = await benchVaults();
  console.log(`Vault bench — ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}\n`);
  console.log('| measure | result | target |');
  console.log('|---|---|---|');
  for (const [what, result, target] of vaultBenchRows(b)) console.log(`| ${what} | ${result} | ${target} |`);
  const range = (ms: number[]) => `${fmt(ms[0] ?? Number.NaN)}–${fmt(ms[ms.length - 1] ?? Number.NaN)} ms`;
  console.log(`\nContext (not targets):`);
  console.log(`  seeding ${b.entries} entries through addEntry (one durable write each): ${fmt(b.seedMs, 0)} ms`);
  console.log(
    `  first unlock after reopen: ${fmt(b.firstUnlockMs, 2)} ms; with all secrets decrypted ${fmt(b.firstUnlockAndDecryptMs, 2)} ms`,
  );
  console.log(`  unlock runs: ${b.unlockMs.length}, unlock+decrypt range ${range(b.unlockAndDecryptMs)}`);
  console.log(`  writing ${b.entries} per-entry keychain items (setPassword each): ${fmt(b.perEntryWriteMs, 0)} ms`);
  console.log(`  findCredentials runs: ${b.perEntryReadMs.length}, range ${range(b.perEntryReadMs)}`);
  console.log(
    `  reveal: ${b.revealUs.length} calls, p90 ${fmt(percentile(b.revealUs, 90))} µs, max ${fmt(b.revealUs[b.revealUs.length - 1] ?? Number.NaN)} µs`,
  );
  console.log(
    `  export ${range(b.exportMs)}, preview ${range(b.previewMs)}, import ${range(b.importMs)}, scrypt ${range(b.scryptMs)} (${b.exportMs.length} runs each)`,
  );
  console.log(`  export file: ${b.exportBytes.toLocaleString('en-US')} bytes`);
}

await main();
