import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatKey, newKeyId } from '../../electron/core/keys/key-format';
import { formatSecretReference } from '../../shared/domain/secret-reference';
import { makeTempDir } from '../support/temp-dir';
import { seedCliFolder } from './cli-seed';
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

interface Spawned {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One process, timed from the spawn call to its exit; output collected for the checks. */
function timedSpawn(file: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let ms = Number.NaN;
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', () => (ms = Number(process.hrtime.bigint() - start) / 1e6));
    child.on('close', (code) => resolve({ ms, code, stdout, stderr }));
  });
}

function expectExit(run: Spawned, code: number, what: string): Spawned {
  if (run.code !== code) throw new Error(`${what} exited ${run.code}, not ${code}: ${run.stderr.slice(0, 500)}`);
  return run;
}

const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
const median = (sortedMs: number[]): number => percentile(sortedMs, 50);

/** A small deterministic PRNG (mulberry32), so that every run scans the same text. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'user',
  'account',
  'request',
  'response',
  'client',
  'server',
  'token',
  'session',
  'config',
  'handler',
  'payload',
  'record',
  'index',
  'value',
  'result',
  'error',
  'status',
  'items',
  'limit',
  'offset',
  'cache',
  'retry',
  'timeout',
  'logger',
  'event',
  'stream',
  'buffer',
  'header',
  'query',
  'params',
  'route',
  'model',
];

/** One line of TypeScript-looking code (identifiers, strings, numbers, comments), 20–110 characters. */
function codeLine(random: () => number): string {
  const word = () => WORDS[Math.floor(random() * WORDS.length)] as string;
  const ident = () => word() + word().replace(/^./, (c) => c.toUpperCase());
  const n = () => Math.floor(random() * 10_000);
  const indent = '  '.repeat(Math.floor(random() * 4));
  switch (Math.floor(random() * 8)) {
    case 0:
      return `${indent}const ${ident()} = await ${word()}.${ident()}('/v1/${word()}s/${n()}', { ${word()}: ${n()} });`;
    case 1:
      return `${indent}// ${word()} the ${word()} before the ${word()} is sent (see ${word()}_${word()}.ts, #${n()})`;
    case 2:
      return `${indent}if (${ident()}.${word()} === undefined || ${ident()}.length > ${n()}) return null;`;
    case 3:
      return `${indent}export function ${ident()}(${word()}: ${ident()}, ${word()}_id: string): Promise<void> {`;
    case 4:
      return `${indent}${word()}.${word()}(\`${word()} \${${ident()}} ${word()} failed: \${error.message}\`);`;
    case 5:
      return `${indent}}`;
    case 6:
      return `${indent}const ${word().toUpperCase()}_${word().toUpperCase()} = '${word()}-${n().toString(36)}-${word()}';`;
    default:
      return `${indent}for (const ${word()} of ${ident()}) ${ident()}.push({ id: ${n()}, ${word()}: '${word()}' });`;
  }
}

interface GeneratedTree {
  files: number;
  bytes: number;
  keys: string[];
  vaultKeys: { name: string; secret: string }[];
}

/**
 * `files` code-like text files of about `bytes / files` bytes each, in 40 folders, with Keyhaven keys
 * (made by formatKey, so their checksums hold) and vault keys planted each on a line of its own.
 */
async function generateTree(
  root: string,
  options: { files: number; bytes: number; keys: number; vaultKeys: { name: string; secret: string }[] },
): Promise<GeneratedTree> {
  const random = prng(0x6b68);
  const perFile = Math.round(options.bytes / options.files);
  const keys = Array.from({ length: options.keys }, () => formatKey('pyas', newKeyId()));
  // Planted in files spread over the tree: key i in file i * step + 7.
  const step = Math.max(1, Math.floor(options.files / (keys.length + options.vaultKeys.length + 1)));
  const planted = new Map<number, string>();
  keys.forEach((key, i) => planted.set(i * step + 7, `const STRIPE_FALLBACK = '${key}'; // TODO remove`));
  options.vaultKeys.forEach((entry, i) =>
    planted.set((keys.length + i) * step + 7, `  headers: { Authorization: 'Bearer ${entry.secret}' },`),
  );
  let bytes = 0;
  for (let file = 0; file < options.files; file += 1) {
    const folder = join(root, `pkg-${String(file % 40).padStart(2, '0')}`, 'src');
    if (file < 40) await mkdir(folder, { recursive: true });
    const lines: string[] = [];
    let size = 0;
    const plant = planted.get(file);
    while (size < perFile) {
      const line = plant !== undefined && lines.length === 40 ? plant : codeLine(random);
      lines.push(line);
      size += line.length + 1;
    }
    const text = `${lines.join('\n')}\n`;
    await writeFile(join(folder, `module-${String(file).padStart(4, '0')}.ts`), text);
    bytes += Buffer.byteLength(text);
  }
  if (planted.size !== keys.length + options.vaultKeys.length || Math.max(...planted.keys()) >= options.files)
    throw new Error('the tree is too small for the planted keys');
  return { files: options.files, bytes, keys, vaultKeys: options.vaultKeys };
}

interface ScanJson {
  findings: { kind: string; label?: string; entryName?: string }[];
  bytesScanned?: number;
  filesScanned?: number;
}

/** The scan found exactly the planted keys (no more, no fewer) and read every byte of the tree. */
function checkScan(run: Spawned, tree: GeneratedTree): void {
  expectExit(run, 1, 'keyhaven scan');
  const report = JSON.parse(run.stdout) as ScanJson;
  const issued = report.findings.filter((f) => f.kind === 'issued-key').map((f) => f.label);
  const vault = report.findings.filter((f) => f.kind === 'vault-secret').map((f) => f.entryName);
  const wantIssued = tree.keys.map((key) => key.slice(0, key.indexOf('.')));
  const wantVault = tree.vaultKeys.map((entry) => entry.name);
  const same = (a: (string | undefined)[], b: string[]) =>
    JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  if (!same(issued, wantIssued) || !same(vault, wantVault))
    throw new Error(
      `keyhaven scan found ${issued.length} Keyhaven keys and ${vault.length} vault keys, not the ${wantIssued.length} and ${wantVault.length} planted`,
    );
  if (report.bytesScanned !== undefined && report.bytesScanned !== tree.bytes)
    throw new Error(`keyhaven scan read ${report.bytesScanned} bytes of the tree's ${tree.bytes}`);
}

const lineCount = (text: string): number => (text === '' ? 0 : text.trimEnd().split('\n').length);

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
