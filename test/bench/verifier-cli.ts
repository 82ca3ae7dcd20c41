import { cpus } from 'node:os';
import { benchVerifier, verifierBenchRows } from './verifier';

/**
 * Only the offline verifier section of `npm run bench`, on the built module (build it first):
 *
 *     npx tsx electron/tooling/build-verifier.ts && npx tsx test/bench/verifier-cli.ts [--duration S]
 */
const at = process.argv.indexOf('--duration');
const durationS = at === -1 ? undefined : Number(process.argv[at + 1]);
if (durationS !== undefined && !(durationS > 0)) throw new Error('--duration needs a number of seconds');

const b = await benchVerifier(durationS === undefined ? {} : { durationS });
console.log(`Verifier bench — ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}\n`);
console.log('| measure | result | target |');
console.log('|---|---|---|');
for (const [what, result, target] of verifierBenchRows(b)) console.log(`| ${what} | ${result} | ${target} |`);
