import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYHAVEN_BIN, keyhaven, keyhavenOk, useDataFolders } from '../support/keyhaven-cli';
import { expectFailure, vaultsJson } from './cli-fixtures';

const PACKAGE = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const TOP_LEVEL = ['read', 'vault', 'apps', 'keys', 'team'];
const LEAVES = [
  ['read'],
  ['vault', 'ls'],
  ['vault', 'entries'],
  ['vault', 'create'],
  ['vault', 'add'],
  ['vault', 'set'],
  ['vault', 'rm'],
  ['apps', 'ls'],
  ['apps', 'create'],
  ['keys', 'ls'],
  ['keys', 'create'],
  ['keys', 'rotate'],
  ['keys', 'revoke'],
  ['keys', 'disable'],
  ['keys', 'enable'],
  ['keys', 'verify'],
  ['team', 'identity'],
  ['team', 'init'],
  ['team', 'join'],
  ['team', 'add'],
  ['team', 'remove'],
  ['team', 'sync'],
  ['team', 'status'],
];

/** The command names a help text's "Commands:" section lists. */
function listedCommands(help: string): string[] {
  const section = help.split(/\nCommands:\n/)[1]?.split(/\n\n/)[0] ?? '';
  return [...section.matchAll(/^ {2}(\S+)/gm)].map((match) => match[1] as string);
}

describe('keyhaven (global)', () => {
  const newDataDir = useDataFolders();

  it.each([['--version'], ['-V']])('%s prints package.json’s version', async (flag) => {
    const dataDir = newDataDir();
    expect(await keyhavenOk([flag], { dataDir })).toBe(`${PACKAGE.version}\n`);
  });

  it('--help lists every command and shows Examples, without touching the data folder', async () => {
    const dataDir = join(newDataDir(), 'never-made');
    const run = await keyhaven(['--help'], { dataDir, cwd: process.cwd() });
    expect(run.code).toBe(0);
    expect(listedCommands(run.stdout)).toEqual(expect.arrayContaining(TOP_LEVEL));
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toMatch(/Exit codes:/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('every command the --help examples use is a command it lists', async () => {
    const dataDir = newDataDir();
    const help = await keyhavenOk(['--help'], { dataDir });
    const examples = help.split('Examples:')[1] ?? '';
    const used = [...examples.matchAll(/\$ keyhaven (\S+)/g)].map((match) => match[1] as string);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((command) => !listedCommands(help).includes(command))).toEqual([]);
  });

  it.each(['vault', 'apps', 'keys'])('%s --help lists its subcommands', async (group) => {
    const dataDir = newDataDir();
    const run = await keyhaven([group, '--help'], { dataDir });
    expect(run.code).toBe(0);
    const expected = LEAVES.filter((leaf) => leaf[0] === group).map((leaf) => leaf[1]);
    expect(listedCommands(run.stdout)).toEqual(expect.arrayContaining(expected));
  });

  it.each(LEAVES.map((leaf) => [leaf.join(' ')]))('%s --help exits 0 with Examples', async (command) => {
    const dataDir = newDataDir();
    const run = await keyhaven([...command.split(' '), '--help'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: keyhaven ${command}`);
    expect(run.stdout).toMatch(/Examples:\n {2}\$ .*\bkeyhaven /);
  });

  it.each(['vault', 'apps', 'keys', 'team'])('the group %s --help exits 0 with Examples', async (group) => {
    const dataDir = newDataDir();
    const run = await keyhaven([group, '--help'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:');
  });

  it('a reader that stops early (`| head`) ends the command quietly, exit 0, no stack trace', async () => {
    const dataDir = newDataDir();
    const child = spawn(process.execPath, [KEYHAVEN_BIN, 'keys', 'keyset', '--help'], {
      env: { ...process.env, KEYHAVEN_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // as `head` closing the pipe before the help is written
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('an unknown command exits 2 with one line', async () => {
    const dataDir = newDataDir();
    const line = expectFailure(await keyhaven(['teleport'], { dataDir }), 2);
    expect(line).toMatch(/unknown command/i);
    expectFailure(await keyhaven(['vault', 'teleport'], { dataDir }), 2);
  });

  it('an unknown global option exits 2 without echoing its value', async () => {
    const dataDir = newDataDir();
    const run = await keyhaven(['--password=hunter2hunter2', 'vault', 'ls'], { dataDir });
    expectFailure(run, 2);
    expect(run.stderr).not.toContain('hunter2');
  });

  it('--data-dir overrides KEYHAVEN_DATA_DIR', async () => {
    const fromEnv = newDataDir();
    const fromFlag = newDataDir();
    await keyhavenOk(['--data-dir', fromFlag, 'vault', 'create', 'Flagged'], { dataDir: fromEnv });
    expect((await vaultsJson(fromFlag)).map((vault) => vault.name)).toContain('Flagged');
    expect(existsSync(join(fromEnv, 'keyhaven.json'))).toBe(false);
    expect((await vaultsJson(fromEnv)).map((vault) => vault.name)).not.toContain('Flagged');
  });

  it('--data-dir works after the command too, and a relative one is resolved against the working folder', async () => {
    const cwd = newDataDir();
    const unused = newDataDir();
    await keyhavenOk(['vault', 'create', 'Relative', '--data-dir', 'sub/data'], { dataDir: unused, cwd });
    expect(existsSync(join(cwd, 'sub', 'data'))).toBe(true);
    const names = JSON.parse(
      await keyhavenOk(['vault', 'ls', '--json', '--data-dir', join(cwd, 'sub', 'data')], { dataDir: unused }),
    ) as { name: string }[];
    expect(names.map((vault) => vault.name)).toContain('Relative');
  });
});
