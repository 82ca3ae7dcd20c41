import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatSecretReference } from '../../shared/domain/secret-reference';
import { makeTempDir } from '../support/temp-dir';
import { seedCliFolder } from './cli-seed';
import { expectExit, timedSpawn } from './cli-spawn';
import { checkScan, generateTree, lineCount } from './cli-tree';
import { fmt, percentile } from './stats';
import type { BenchRow } from './vaults';

/**
 * Command-line figures for `npm run bench`: the built `out/cli/keyhaven.js` (npm run bench builds it
 * first), each run a new Node process spawned with child_process and timed from spawn to exit, beside
 * the same measurement of a bare process, so the figures say what Keyhaven itself adds:
 *
 * - `keyhaven read kh://…` against a data folder whose vault has 1,000 entries (real OS keychain),
 *   beside a bare `node -e ""`; `keyhaven --version` (module loading only);
 * - `keyhaven run --env K=kh://… -- true` beside a bare `true`;
 * - `keyhaven scan <tree> --no-history` over ~50 MB of generated code-like text with planted keys,
 *   the 1,000 vault keys compared, beside `grep -rE` of the key shape and `grep -rF` of one key.
 *
 * The launcher turns on Node's compile cache; the bench points it (NODE_COMPILE_CACHE) at a folder of
 * its own, which the warm-up runs fill, so the timed runs are what a user sees from the second run on.
 * Alone: `node test/with-keyring.mjs npx tsx test/bench/cli.ts` (after `npx tsx electron/tooling/build-cli.ts`).
 */
export const KEYHAVEN_BIN = fileURLToPath(new URL('../../out/cli/keyhaven.js', import.meta.url));

/** The key format's shape (keyhaven-key-detector.ts) in POSIX ERE: no lookaround, so grep may match more. */
export const KEY_SHAPE_ERE = '[a-z][a-z0-9]{0,15}_[0-9A-Za-z]{8}\\.[0-9A-Za-z]{38}';

export interface CliBenchOptions {
  /** Entries in the vault (default 1,000). */
  entries?: number;
  /** Untimed runs of each command first (default 2): they fill the compile cache. */
  warmups?: number;
  /** Timed runs of read, --version, run and their baselines, interleaved (default 30). */
  runs?: number;
  /** The scanned tree: files (default 2,000) and total size in bytes (default 50 MB). */
  treeFiles?: number;
  treeBytes?: number;
  /** Keyhaven keys and vault keys planted in the tree (defaults 5 and 2). */
  plantedKeys?: number;
  plantedVaultKeys?: number;
  /** Timed scans and greps each, after one untimed run each (default 5). */
  scanRuns?: number;
}

export interface CliBench {
  entries: number;
  runs: number;
  warmups: number;
  seedMs: number;
  /** The first warm-up of each, with an empty compile cache: context only. */
  firstReadMs: number;
  firstVersionMs: number;
  /** Sorted, ms, wall time spawn → exit. */
  readMs: number[];
  bareNodeMs: number[];
  versionMs: number[];
  runMs: number[];
  bareTrueMs: number[];
  tree: { files: number; bytes: number; plantedKeys: number; plantedVaultKeys: number };
  /** Sorted, ms. */
  scanMs: number[];
  grepShapeMs: number[];
  grepFixedMs: number[];
  /** Lines grep -rE printed (the planted keys, plus any look-alike the ERE shape lets through). */
  grepShapeLines: number;
}

const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
const median = (sortedMs: number[]): number => percentile(sortedMs, 50);

export async function benchCli(options: CliBenchOptions = {}): Promise<CliBench> {
  const count = options.entries ?? 1_000;
  const warmups = options.warmups ?? 2;
  const runs = options.runs ?? 30;
  const scanRuns = options.scanRuns ?? 5;
  if (!existsSync(KEYHAVEN_BIN))
    throw new Error(`${KEYHAVEN_BIN} is missing: run npx tsx electron/tooling/build-cli.ts (npm run bench builds it).`);

  const dir = await makeTempDir('keyhaven-bench-cli');
  let seeded: Awaited<ReturnType<typeof seedCliFolder>> | null = null;
  try {
    const dataDir = join(dir.path, 'data');
    seeded = await seedCliFolder(dataDir, count);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KEYHAVEN_DATA_DIR: dataDir,
      NODE_COMPILE_CACHE: join(dir.path, 'compile-cache'),
    };
    const cwd = dir.path;
    const node = process.execPath;
    const wanted = seeded.entries[Math.floor(count / 2)] as { name: string; secret: string };
    const reference = formatSecretReference(seeded.vaultName, wanted.name);

    const read = async () => {
      const run = expectExit(await timedSpawn(node, [KEYHAVEN_BIN, 'read', reference], env, cwd), 0, 'keyhaven read');
      if (run.stdout !== `${wanted.secret}\n`) throw new Error('keyhaven read printed something other than the key');
      return run.ms;
    };
    const version = async () =>
      expectExit(await timedSpawn(node, [KEYHAVEN_BIN, '--version'], env, cwd), 0, 'keyhaven --version').ms;
    const runTrue = async () =>
      expectExit(
        await timedSpawn(node, [KEYHAVEN_BIN, 'run', '--env', `K=${reference}`, '--', 'true'], env, cwd),
        0,
        'keyhaven run',
      ).ms;
    const bareNode = async () => expectExit(await timedSpawn(node, ['-e', ''], env, cwd), 0, 'node -e ""').ms;
    const bareTrue = async () => expectExit(await timedSpawn('true', [], env, cwd), 0, 'true').ms;

    // Warm-ups: the first of each fills the compile cache (its time is kept as context).
    let firstReadMs = Number.NaN;
    let firstVersionMs = Number.NaN;
    for (let i = 0; i < warmups; i += 1) {
      const r = await read();
      const v = await version();
      if (i === 0) [firstReadMs, firstVersionMs] = [r, v];
      await runTrue();
      await bareNode();
      await bareTrue();
    }
    // Interleaved, so that a busy moment of the machine falls on all of them alike.
    const samples = {
      read: [] as number[],
      node: [] as number[],
      version: [] as number[],
      run: [] as number[],
      true: [] as number[],
    };
    for (let i = 0; i < runs; i += 1) {
      samples.read.push(await read());
      samples.node.push(await bareNode());
      samples.version.push(await version());
      samples.run.push(await runTrue());
      samples.true.push(await bareTrue());
    }

    // Scan: a generated tree, outside the data folder.
    const treeDir = join(dir.path, 'tree');
    const tree = await generateTree(treeDir, {
      files: options.treeFiles ?? 2_000,
      bytes: options.treeBytes ?? 50_000_000,
      keys: options.plantedKeys ?? 5,
      vaultKeys: seeded.entries.slice(0, options.plantedVaultKeys ?? 2),
    });
    const grepEnv: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C' };
    const scanOnce = async () => {
      const run = await timedSpawn(node, [KEYHAVEN_BIN, 'scan', treeDir, '--no-history', '--format', 'json'], env, cwd);
      checkScan(run, tree);
      return run.ms;
    };
    let grepShapeLines = 0;
    const grepShape = async () => {
      const run = expectExit(await timedSpawn('grep', ['-rE', KEY_SHAPE_ERE, treeDir], grepEnv, cwd), 0, 'grep -rE');
      grepShapeLines = lineCount(run.stdout);
      if (grepShapeLines < tree.keys.length) throw new Error(`grep -rE printed ${grepShapeLines} lines`);
      return run.ms;
    };
    const oneKey = tree.keys[0] as string;
    const grepFixed = async () => {
      const run = expectExit(await timedSpawn('grep', ['-rF', oneKey, treeDir], grepEnv, cwd), 0, 'grep -rF');
      if (lineCount(run.stdout) !== 1) throw new Error(`grep -rF printed ${lineCount(run.stdout)} lines, not 1`);
      return run.ms;
    };
    // One untimed run each warms the page cache (and the compile cache for scan's own code).
    await scanOnce();
    await grepShape();
    await grepFixed();
    const scanMs: number[] = [];
    const grepShapeMs: number[] = [];
    const grepFixedMs: number[] = [];
    for (let i = 0; i < scanRuns; i += 1) {
      scanMs.push(await scanOnce());
      grepShapeMs.push(await grepShape());
      grepFixedMs.push(await grepFixed());
    }

    return {
      entries: count,
      runs,
      warmups,
      seedMs: seeded.seedMs,
      firstReadMs,
      firstVersionMs,
      readMs: sorted(samples.read),
      bareNodeMs: sorted(samples.node),
      versionMs: sorted(samples.version),
      runMs: sorted(samples.run),
      bareTrueMs: sorted(samples.true),
      tree: {
        files: tree.files,
        bytes: tree.bytes,
        plantedKeys: tree.keys.length,
        plantedVaultKeys: tree.vaultKeys.length,
      },
      scanMs: sorted(scanMs),
      grepShapeMs: sorted(grepShapeMs),
      grepFixedMs: sorted(grepFixedMs),
      grepShapeLines,
    };
  } finally {
    await seeded?.remove();
    await dir.remove();
  }
}

/** The bench's table rows, in run.ts's [measure, result, target] form. */
export function cliBenchRows(b: CliBench): BenchRow[] {
  const n = b.entries.toLocaleString('en-US');
  const ms = (value: number) => `${fmt(value)} ms`;
  const read = median(b.readMs);
  const bare = median(b.bareNodeMs);
  const run = median(b.runMs);
  const bareTrue = median(b.bareTrueMs);
  const mb = b.tree.bytes / 1e6;
  const rate = (sortedMs: number[]) => mb / (median(sortedMs) / 1000);
  const scanRate = rate(b.scanMs);
  const shapeRate = rate(b.grepShapeMs);
  const fixedRate = rate(b.grepFixedMs);
  const runsNote = `${b.runs} runs after ${b.warmups} warm-ups that fill Node's compile cache`;
  return [
    [
      `\`keyhaven read kh://…\`, ${n}-entry vault, new process each (${runsNote})`,
      `p50 ${ms(read)} · p95 ${ms(percentile(b.readMs, 95))}`,
      '≤ 150 ms',
    ],
    ['Bare `node -e ""`, spawned the same way', `p50 ${ms(bare)}`, '—'],
    [
      '`keyhaven read` ÷ bare Node; Keyhaven’s own share (p50 difference)',
      `${fmt(read / bare, 2)} × · +${ms(read - bare)}`,
      '—',
    ],
    ['`keyhaven --version` (module loading only)', `p50 ${ms(median(b.versionMs))}`, '—'],
    ['`keyhaven run --env K=kh://… -- true`', `p50 ${ms(run)}`, '—'],
    ['Bare `true`, spawned the same way', `p50 ${ms(bareTrue)}`, '—'],
    ['Added by `keyhaven run` (p50 difference)', `+${ms(run - bareTrue)}`, '≤ 200 ms added'],
    [
      `\`keyhaven scan <tree> --no-history\`, ${fmt(mb, 0)} MB in ${b.tree.files.toLocaleString('en-US')} files, ${n} vault keys compared (whole process, median of ${b.scanMs.length})`,
      `${fmt(scanRate)} MB/s (${fmt(median(b.scanMs), 0)} ms)`,
      '—',
    ],
    [
      '`grep -rE` of the key shape, same tree (LC_ALL=C)',
      `${fmt(shapeRate)} MB/s (${fmt(median(b.grepShapeMs), 0)} ms)`,
      '—',
    ],
    [
      '`grep -rF` of one key, same tree (LC_ALL=C)',
      `${fmt(fixedRate)} MB/s (${fmt(median(b.grepFixedMs), 0)} ms)`,
      '—',
    ],
    [
      'Scan throughput ÷ `grep -rE` · ÷ `grep -rF`',
      `${fmt(scanRate / shapeRate, 2)} · ${fmt(scanRate / fixedRate, 2)}`,
      '—',
    ],
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const b = await benchCli();
  console.log(`CLI bench — ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}\n`);
  console.log('| measure | result | target |');
  console.log('|---|---|---|');
  for (const [what, result, target] of cliBenchRows(b)) console.log(`| ${what} | ${result} | ${target} |`);
  const range = (ms: number[]) => `${fmt(ms[0] ?? Number.NaN)}–${fmt(ms[ms.length - 1] ?? Number.NaN)} ms`;
  console.log('\nContext (not targets):');
  console.log(`  seeding ${b.entries} entries through addEntry (one durable write each): ${fmt(b.seedMs, 0)} ms`);
  console.log(
    `  first run with an empty compile cache: read ${fmt(b.firstReadMs)} ms, --version ${fmt(b.firstVersionMs)} ms`,
  );
  console.log(
    `  ranges: read ${range(b.readMs)}, node -e "" ${range(b.bareNodeMs)}, --version ${range(b.versionMs)}, run ${range(b.runMs)}, true ${range(b.bareTrueMs)}`,
  );
  console.log(
    `  tree: ${b.tree.bytes.toLocaleString('en-US')} bytes, ${b.tree.files} files, ${b.tree.plantedKeys} Keyhaven keys + ${b.tree.plantedVaultKeys} vault keys planted (all found by the scan); grep -rE printed ${b.grepShapeLines} lines`,
  );
  console.log(
    `  scan ${range(b.scanMs)}, grep -rE ${range(b.grepShapeMs)}, grep -rF ${range(b.grepFixedMs)} (${b.scanMs.length} runs each)`,
  );
}
