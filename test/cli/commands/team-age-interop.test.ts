import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyhavenOk, useDataFolders } from '../support/keyhaven-cli';
import { entriesJson } from './cli-fixtures';
import { identity, team, teamJson, useTeamRemote, vaultWith, type StatusJson } from './team-cli-fixtures';

const AGE = '/usr/bin/age';
const SECRET = 'sk_live_Ag3Int3r0pQ9wE7rT5yU3iO1p';

/** `age -d -i <identity> <file>`: its stdout, or a failure showing age's stderr. */
function ageDecrypt(identityFile: string, file: string): string {
  const run = spawnSync(AGE, ['-d', '-i', identityFile, file], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

// The standard tool must read what Keyhaven writes: the exported identity opens this member's wrap of
// the vault key, and that key opens an entry. /usr/bin/age is the test image's Debian package.
describe.runIf(existsSync(AGE))('keyhaven team identity --export with the real age', { timeout: 120_000 }, () => {
  const newDataDir = useDataFolders();
  const folders = useTeamRemote();

  it('--export --plain opens the vault key and an entry with age -d -i', async () => {
    const alice = newDataDir();
    const me = await identity(alice, 'Alice');
    await vaultWith(alice, 'Payments', 'Stripe', SECRET);
    const { vaultId } = await teamJson<StatusJson>(alice, ['init', 'Payments', '--repo', folders.remote()]);
    const [entry] = await entriesJson(alice, 'Payments');

    const exported = await keyhavenOk(['team', 'identity', '--export', '--plain'], { dataDir: alice });
    expect(exported).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/m);
    const identityFile = join(folders.root(), 'me.txt');
    writeFileSync(identityFile, exported, { mode: 0o600 });

    const copy = join(alice, 'teams', vaultId);
    const vaultKey = ageDecrypt(identityFile, join(copy, 'keys', `${me.fingerprint.replace(/ /g, '')}.age`));
    expect(vaultKey).toMatch(/^AGE-SECRET-KEY-1/m);
    const vaultKeyFile = join(folders.root(), 'vault.key');
    writeFileSync(vaultKeyFile, vaultKey, { mode: 0o600 });

    const plaintext = ageDecrypt(vaultKeyFile, join(copy, 'entries', `${entry?.id}.age`));
    const file = JSON.parse(plaintext) as { entry: { name: string; secret: string } };
    expect(file.entry).toMatchObject({ name: 'Stripe', secret: SECRET });
  });

  it('--passphrase-stdin exports an armored age file, not the identity in clear, that age opens with it', async () => {
    const alice = newDataDir();
    await identity(alice, 'Alice');
    const plain = await keyhavenOk(['team', 'identity', '--export', '--plain'], { dataDir: alice });
    const passphrase = 'correct horse battery staple';
    const run = await team(alice, ['identity', '--export', '--passphrase-stdin'], `${passphrase}\n`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.startsWith('-----BEGIN AGE ENCRYPTED FILE-----\n')).toBe(true);
    expect(run.stdout).not.toContain('AGE-SECRET-KEY-');
    expect(run.stdout).not.toContain(passphrase);

    // age asks a passphrase on the terminal only: `script` gives it one (util-linux), typed in.
    const protectedFile = join(folders.root(), 'me.age');
    writeFileSync(protectedFile, run.stdout, { mode: 0o600 });
    const script = spawnSync('script', ['-qec', `${AGE} -d ${protectedFile}`, '/dev/null'], {
      input: `${passphrase}\n`,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(script.status, script.stderr).toBe(0);
    expect(script.stdout).toContain(plain.match(/^AGE-SECRET-KEY-1[0-9A-Z]+$/m)?.[0]);
  });
});
