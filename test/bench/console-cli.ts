import { benchConsole, consoleBenchRows } from './console';

/** Only the console section of `npm run bench`: `node test/with-keyring.mjs npx tsx test/bench/console-cli.ts`. */
const rows = consoleBenchRows(await benchConsole());
for (const [measure, result] of rows) process.stdout.write(`${measure}: ${result}\n`);
