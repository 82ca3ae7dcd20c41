import { benchKeysetPublish, publishBenchRows } from './keyset-publish';

/** `npx tsx test/bench/keyset-publish-cli.ts`: the publishing section alone. */
for (const [what, result, target] of publishBenchRows(await benchKeysetPublish()))
  console.log(`| ${what} | ${result} | ${target} |`);
