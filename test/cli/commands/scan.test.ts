import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyhaven, keyhavenOk, useDataFolders } from '../support/keyhaven-cli';
import { activityOfType, addEntry, createApp, expectFailure, issueKey, keyIdOf } from './cli-fixtures';

const VAULT_SECRET = 'sk_live_scanPlantedSecret0123456789';

const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], {
    cwd: repo,
    stdio: 'pipe',
  });

/** `keyhaven scan` on a planted repository: keys in files and in git history, found and never printed. */
describe('keyhaven scan', () => {
  const newFolder = useDataFolders();

  async function planted() {
    const dataDir = newFolder();
    await addEntry(dataDir, 'Personal', 'Stripe', VAULT_SECRET);
    await createApp(dataDir, 'Pyas');
    const live = await issueKey(dataDir, 'Pyas', ['--name', 'live', '--no-scopes']);
    const gone = await issueKey(dataDir, 'Pyas', ['--name', 'gone', '--no-scopes']);
    await keyhavenOk(['keys', 'revoke', 'Pyas', keyIdOf(gone)], { dataDir });
    const repo = join(dataDir, 'repo');
    mkdirSync(join(repo, 'src'), { recursive: true });
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'src', 'config.ts'), `export const key = '${live}';\n`);
    writeFileSync(join(repo, '.env'), `STRIPE_KEY=${VAULT_SECRET}\n`);
    // A near miss: right shape, broken checksum. Must not be reported.
    writeFileSync(join(repo, 'notes.md'), `example: ${live.slice(0, -1)}${live.endsWith('A') ? 'B' : 'A'}\n`);
    writeFileSync(join(repo, 'old.ts'), `const k = "${gone}";\n`);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'with keys');
    rmSync(join(repo, 'old.ts'));
    git(repo, 'commit', '-qam', 'remove the old key');
    return { dataDir, repo, live, gone };
  }

  it('finds Keyhaven keys and vault keys in files, never printing them, and exits 1', async () => {
    const { dataDir, repo, live, gone } = await planted();
    const run = await keyhaven(['scan', repo], { dataDir });
    expect(run.code).toBe(1);
    const label = live.slice(0, live.indexOf('.'));
    expect(run.stdout).toContain(`src/config.ts:1:`);
    expect(run.stdout).toContain(label);
    expect(run.stdout).toMatch(/rotate/);
    expect(run.stdout).toContain('.env:1:');
    expect(run.stdout).toContain('"Stripe"');
    expect(run.stdout).not.toContain('notes.md');
    for (const secret of [live, gone, VAULT_SECRET, live.slice(live.indexOf('.'))])
      expect(run.stdout + run.stderr).not.toContain(secret);
    expect(activityOfType(dataDir, 'entry.read').at(-1)).toMatchObject({ actor: 'cli' });
  });

  it('finds a key removed from the tree in git history, with the commit, in json and sarif', async () => {
    const { dataDir, repo, gone } = await planted();
    const json = JSON.parse((await keyhaven(['scan', repo, '--git', '--format', 'json'], { dataDir })).stdout) as {
      findings: { kind: string; label?: string; location: { file: string; commit?: string } }[];
    };
    const label = gone.slice(0, gone.indexOf('.'));
    const historical = json.findings.find((finding) => finding.label === label);
    expect(historical?.location).toMatchObject({ file: 'old.ts', commit: expect.stringMatching(/^[0-9a-f]{12}$/) });

    const sarif = await keyhaven(['scan', repo, '--git', '--format', 'sarif'], { dataDir });
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results.map((result) => result.ruleId)).toEqual(
      expect.arrayContaining(['keyhaven/issued-key', 'keyhaven/vault-secret']),
    );
    expect(sarif.stdout).not.toContain(gone);
  });

  it('exits 0 on a clean tree, works without a data folder, and refuses a non-repository with --git', async () => {
    const dataDir = newFolder();
    const clean = join(dataDir, 'clean');
    mkdirSync(clean);
    writeFileSync(join(clean, 'a.txt'), 'nothing here\n');
    const run = await keyhaven(['scan', clean, '--git'], { dataDir: join(dataDir, 'no-folder'), cwd: dataDir });
    expectFailure(run, 2);
    const plain = await keyhaven(['scan', clean], { dataDir: join(dataDir, 'no-folder'), cwd: dataDir });
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('no data folder');
    // Scanning is read-only: no data folder was made where there was none.
    expect(() => execFileSync('test', ['-e', join(dataDir, 'no-folder')])).toThrow();
  });

  it('prints detection rules for the apps’ prefixes', async () => {
    const dataDir = newFolder();
    await createApp(dataDir, 'Pyas');
    expect(await keyhavenOk(['scan', '--rules', 'gitleaks'], { dataDir })).toContain('pyas_');
    const secretlint = JSON.parse(await keyhavenOk(['scan', '--rules', 'secretlint'], { dataDir })) as object;
    expect(JSON.stringify(secretlint)).toContain('pyas_');
    expect(await keyhavenOk(['scan', '--rules', 'trufflehog'], { dataDir })).toMatch(/detectors:/);
    expectFailure(await keyhaven(['scan', '--rules', 'semgrep'], { dataDir }), 2);
  });
});
