import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatKey, newKeyId } from '../../electron/core/keys/key-format';
import { expectExit, type Spawned } from './cli-spawn';

/** The generated tree the command-line bench scans (cli.ts), and the check that the scan found it all. */
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

export interface GeneratedTree {
  files: number;
  bytes: number;
  keys: string[];
  vaultKeys: { name: string; secret: string }[];
}

/**
 * `files` code-like text files of about `bytes / files` bytes each, in 40 folders, with Keyhaven keys
 * (made by formatKey, so their checksums hold) and vault keys planted each on a line of its own.
 */
export async function generateTree(
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
export function checkScan(run: Spawned, tree: GeneratedTree): void {
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

export const lineCount = (text: string): number => (text === '' ? 0 : text.trimEnd().split('\n').length);
