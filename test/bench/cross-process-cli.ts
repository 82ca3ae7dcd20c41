import { benchCrossProcess, crossProcessBenchRows } from './cross-process';

/** The cross-process bench alone: `node test/with-keyring.mjs tsx test/bench/cross-process-cli.ts`. */
const rows = crossProcessBenchRows(await benchCrossProcess());
console.log('| measure | result | target |\n|---|---|---|');
for (const [what, result, target] of rows) console.log(`| ${what} | ${result} | ${target} |`);
