import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../../electron/cli/cli-error';
import type { Finding, KeyInfo, VaultSecret } from '../../../electron/cli/scan/findings';
import { scan } from '../../../electron/cli/scan/scan';
import { shellHistoryFiles } from '../../../electron/cli/scan/scan-files';
import { formatKey } from '../../../electron/core/keys/key-format';
import { makeTempDir } from '../../support/temp-dir';

const activeKey = formatKey('pyas', 'n58lZyBi');
const revokedKey = formatKey('pyas', 'Rv0kedAA');
const foreignKey = formatKey('other', 'Zz9Zz9Zz');
const binaryKey = formatKey('pyas', 'B1nary00');
const stripeSecret = 'sk_live_51HxYzTopSecretValue';

const ISSUED: Record<string, KeyInfo> = {
  pyas_n58lZyBi: { appName: 'Pyas', status: 'active' },
  pyas_Rv0kedAA: { appName: 'Pyas', status: 'revoked' },
  pyas_B1nary00: { appName: 'Pyas', status: 'active' },
};
const vaultSecrets: VaultSecret[] = [
  { vaultName: 'Personal', entryName: 'Stripe live', entryId: 'entry-stripe', secret: stripeSecret },
  { vaultName: 'Personal', entryName: 'PIN', entryId: 'entry-pin', secret: '1234' },
];

let lookups: string[] = [];
const sources = {
  lookupKey(prefix: string, keyId: string): KeyInfo | null {
    lookups.push(`${prefix}_${keyId}`);
    return ISSUED[`${prefix}_${keyId}`] ?? null;
  },
  vaultSecrets,
};

/** A key with one random character changed: the same shape, a checksum that no longer holds. */
function brokenChecksum(valid: string): string {
  const at = valid.indexOf('.') + 3;
  return valid.slice(0, at) + (valid[at] === 'q' ? 'r' : 'q') + valid.slice(at + 1);
}

const where = (finding: Finding): string =>
  `${finding.location.file}:${finding.location.line}:${finding.location.column}${finding.location.commit ? `@${finding.location.commit}` : ''}`;
const what = (finding: Finding): string => (finding.kind === 'issued-key' ? finding.label : finding.entryId);

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('keyhaven-scan');
  lookups = [];
});
afterEach(() => dir.remove());

describe('scan of a tree', () => {
  async function plantTree(): Promise<string> {
    const root = join(dir.path, 'project');
    await mkdir(join(root, 'src'), { recursive: true });
    await mkdir(join(root, 'node_modules', 'dep'), { recursive: true });
    await mkdir(join(root, '.git'), { recursive: true });
    await writeFile(
      join(root, 'src', 'config.ts'),
      `// settings\nexport const key =\n  '${activeKey}';\nconst old = "${revokedKey}";\n`,
    );
    await writeFile(join(root, '.env'), `NAME=demo\nSTRIPE=${stripeSecret}\nPIN=1234\nOTHER=${foreignKey}\n`);
    await writeFile(join(root, 'notes.md'), `typo'd key: ${brokenChecksum(activeKey)} and ${activeKey}\n`);
    await writeFile(
      join(root, 'logo.bin'),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x00, 0x01]), Buffer.from(binaryKey)]),
    );
    await writeFile(join(root, 'node_modules', 'dep', 'index.js'), `module.exports = '${activeKey}';\n`);
    await writeFile(join(root, '.git', 'config'), `${activeKey}\n`);
    // A link back to the root: followed, it would loop forever.
    await symlink(root, join(root, 'src', 'loop'));
    return root;
  }

  it('reports keys and vault secrets with their places, and only what should be reported', async () => {
    const root = await plantTree();
    const home = join(dir.path, 'home');
    await mkdir(home);
    await writeFile(join(home, '.bash_history'), `ls\ncurl -H "x-api-key: ${activeKey}" localhost\n`);
    const historyFiles = shellHistoryFiles(home);
    expect(historyFiles).toEqual([join(home, '.bash_history')]);

    const report = await scan({ paths: [root], git: false, historyFiles }, sources);

    expect(report.findings.map((finding) => `${where(finding)} ${what(finding)}`)).toEqual([
      `.env:2:8 entry-stripe`,
      `.env:4:7 other_Zz9Zz9Zz`,
      `notes.md:1:${activeKey.length + 18} pyas_n58lZyBi`,
      `src/config.ts:3:4 pyas_n58lZyBi`,
      `src/config.ts:4:14 pyas_Rv0kedAA`,
      `${join(home, '.bash_history')}:2:21 pyas_n58lZyBi`,
    ]);
    const foreign = report.findings.find((finding) => what(finding) === 'other_Zz9Zz9Zz');
    expect(foreign).toMatchObject({ kind: 'issued-key', prefix: 'other', keyId: 'Zz9Zz9Zz', key: null });
    expect(report.findings.find((finding) => where(finding) === 'src/config.ts:4:14')).toMatchObject({
      key: { appName: 'Pyas', status: 'revoked' },
    });
    // .env, notes.md, src/config.ts and the history file; the binary file is skipped, not read.
    expect(report).toMatchObject({ filesScanned: 4, skipped: 1, commitsScanned: 0 });
    expect(report.bytesScanned).toBeGreaterThan(activeKey.length * 4);
    // Asked once per key, however often it occurs.
    expect(lookups.filter((label) => label === 'pyas_n58lZyBi')).toHaveLength(1);
  });

  it('never puts a secret or the random part of a key in a finding', async () => {
    const root = await plantTree();
    const report = await scan({ paths: [root], git: false, historyFiles: [] }, sources);
    const serialized = JSON.stringify(report);
    expect(serialized).not.toContain(stripeSecret);
    for (const key of [activeKey, revokedKey, foreignKey])
      expect(serialized).not.toContain(key.slice(key.indexOf('.') + 1));
  });

  it('skips files over 20 MiB and names files by the path given when several are scanned', async () => {
    const root = await plantTree();
    const other = join(dir.path, 'other');
    await mkdir(other);
    await writeFile(join(other, '.env'), `STRIPE=${stripeSecret}\n`);
    await writeFile(join(other, 'huge.log'), `${activeKey}\n${'x'.repeat(20 * 1024 * 1024)}`);
    const report = await scan({ paths: [root, other], git: false, historyFiles: [] }, sources);
    expect(report.findings.filter((finding) => finding.kind === 'vault-secret').map(where)).toEqual([
      `${root}/.env:2:8`,
      `${other}/.env:1:8`,
    ]);
    expect(report.skipped).toBe(2);
  });

  it('reports a path that does not exist as a usage error', async () => {
    await expect(
      scan({ paths: [join(dir.path, 'missing')], git: false, historyFiles: [] }, sources),
    ).rejects.toMatchObject({
      kind: 'USAGE',
    });
  });
});

describe('scan of git history', () => {
  function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
      cwd,
      encoding: 'utf8',
    });
  }

  it('finds a key committed and later deleted, in the commit that added it', async () => {
    const repo = join(dir.path, 'repo');
    await mkdir(repo);
    git(repo, 'init', '-q', '-b', 'main');
    await writeFile(join(repo, 'README.md'), 'hello\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'first');
    await writeFile(join(repo, 'my config.ts'), `const a = 1;\nconst b = 2;\nexport const key = '${activeKey}';\n`);
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'add key');
    const leakCommit = git(repo, 'rev-parse', 'HEAD').trim().slice(0, 12);
    await writeFile(join(repo, 'my config.ts'), `const a = 1;\nconst b = 2;\nexport const key = process.env.KEY;\n`);
    git(repo, 'commit', '-qam', 'remove key');
    // A secret only on another branch: reachable from a ref, so scanned.
    git(repo, 'checkout', '-qb', 'side');
    await writeFile(join(repo, 'side.env'), `X=1\nSTRIPE=${stripeSecret}\n`);
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'side');
    const sideCommit = git(repo, 'rev-parse', 'HEAD').trim().slice(0, 12);
    git(repo, 'checkout', '-q', 'main');

    const withoutHistory = await scan({ paths: [repo], git: false, historyFiles: [] }, sources);
    expect(withoutHistory.findings).toEqual([]);

    const report = await scan({ paths: [repo], git: true, historyFiles: [] }, sources);
    expect(report.findings.map((finding) => `${where(finding)} ${what(finding)}`)).toEqual([
      `side.env:2:8@${sideCommit} entry-stripe`,
      `my config.ts:3:21@${leakCommit} pyas_n58lZyBi`,
    ]);
    expect(report.commitsScanned).toBe(4);
  });

  it('refuses a directory that is not a git repository', async () => {
    const error = await scan({ paths: [dir.path], git: true, historyFiles: [] }, sources).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ kind: 'USAGE', message: `${dir.path} is not a git repository` });
  });
});
