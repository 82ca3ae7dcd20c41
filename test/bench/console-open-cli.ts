import { benchConsoleOpen, consoleOpenBenchRows } from './console-open';
import { fmt } from './stats';

/**
 * The console-opening bench on its own, after `npm run build`:
 *
 *     node test/with-keyring.mjs tsx test/bench/console-open-cli.ts
 *
 * Prints the rows `npm run bench` prints, then every open, so a slow one can be told from a slow machine.
 */
const result = await benchConsoleOpen();
for (const [measure, figure, target] of consoleOpenBenchRows(result))
  process.stdout.write(`${measure}: ${figure} (${target})\n`);
const list = (ms: number[]) => ms.map((x) => fmt(x)).join(', ');
process.stdout.write(`  full, warm: ${list(result.fullMs)}\n  empty, warm: ${list(result.emptyMs)}\n`);
process.stdout.write(`  full, cold: ${list(result.fullColdMs)}\n  empty, cold: ${list(result.emptyColdMs)}\n`);
process.stdout.write(`  full, to idle: ${list(result.fullIdleMs)}\n  DOM: ${JSON.stringify(result.dom)}\n`);
