import { execFile, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identityFromFile } from '../../../electron/core/team/team-age';
import { readTeamEntry, writeTeamEntry } from '../../../electron/core/team/team-entries';
import { entryFileOf, keyFileOf } from '../../../electron/core/team/team-format';
import { exportTeamIdentity, type TeamIdentity } from '../../../electron/core/team/team-identity';
import { addTeamMember, createTeamVault, type OpenedTeamVault } from '../../../electron/core/team/team-vault';
import { makeTempDir } from '../../support/temp-dir';
import { makeIdentities, teamEntry } from './team-fixture';

/**
 * No lock-in (issue 15, item 6): Debian's age 1.1.1 reads a team's files with an exported identity.
 * Arguments are arrays of file paths; secrets travel in files and on stdin, never on a command line.
 */
const AGE = '/usr/bin/age';
const run = promisify(execFile);
const NOW = new Date('2026-12-01T10:00:00.000Z');

/**
 * age asks for an identity file's passphrase on the terminal only, so `script` (util-linux) gives it
 * one: the passphrase goes to script's stdin once age has prompted. The command string script hands
 * to the shell holds quoted temp-file paths only. (age prints its prompt before it turns echo off, so
 * the terminal may echo the passphrase back: that is the pty's doing, not checked here.)
 */
function ageWithTerminal(args: string[], passphrase: string): Promise<{ code: number | null; output: string }> {
  const quoted = [AGE, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', quoted, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!sent && output.includes('Enter passphrase')) {
        sent = true;
        child.stdin.write(`${passphrase}\n`);
      }
    });
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('interoperability with the standard age tool', () => {
  let root: string;
  let work: { path: string; remove: () => Promise<void> };
  let remove: () => Promise<void>;
  let a: TeamIdentity, b: TeamIdentity;
  let asA: OpenedTeamVault;

  beforeEach(async () => {
    ({ path: root, remove } = await makeTempDir('keyhaven-team'));
    work = await makeTempDir('keyhaven-age');
    [a, b] = await makeIdentities('Ada Lovelace', 'Bob');
    asA = await createTeamVault(root, a, NOW);
    asA = await addTeamMember(
      asA,
      { name: b.name, recipient: b.recipient, signingKey: b.signingPublicKey },
      { readOnly: false },
      NOW,
    );
  });
  afterEach(async () => {
    await remove();
    await work.remove();
  });

  it('decrypts the vault key and then an entry with a plain exported identity', async () => {
    const entry = teamEntry(a, 'sk_live_read_by_age');
    await writeTeamEntry(asA, entry);
    const identityFile = join(work.path, 'a.txt');
    await writeFile(identityFile, await exportTeamIdentity(a), { mode: 0o600 });
    const { stdout: recipient } = await run('/usr/bin/age-keygen', ['-y', identityFile]);
    expect(recipient.trim()).toBe(a.recipient);

    const vaultKey = join(work.path, 'vault.key');
    await run(AGE, ['-d', '-i', identityFile, '-o', vaultKey, join(root, keyFileOf(a.fingerprint))]);
    expect(identityFromFile(await readFile(vaultKey, 'utf8'))).toBe(asA.vaultKey.identity);
    const { stdout } = await run(AGE, ['-d', '-i', vaultKey, join(root, entryFileOf(entry.id))]);
    const file = JSON.parse(stdout) as { teamId: string; signer: string; entry: typeof entry };
    expect(file).toMatchObject({
      teamId: asA.teamId,
      signer: a.fingerprint,
      entry: { id: entry.id, secret: 'sk_live_read_by_age' },
    });

    // And back: a file age itself encrypted to the vault's recipient (same signed contents) is read.
    const plain = join(work.path, 'entry.json');
    await writeFile(plain, stdout, { mode: 0o600 });
    await run(AGE, ['-a', '-r', asA.vaultKey.recipient, '-o', join(root, entryFileOf(entry.id)), plain]);
    expect(await readTeamEntry(asA, entry.id)).toEqual({ kind: 'entry', entry });

    // B's identity opens B's wrap, never A's.
    await writeFile(join(work.path, 'b.txt'), await exportTeamIdentity(b), { mode: 0o600 });
    await expect(
      run(AGE, [
        '-d',
        '-i',
        join(work.path, 'b.txt'),
        '-o',
        join(work.path, 'x'),
        join(root, keyFileOf(a.fingerprint)),
      ]),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('no identity matched') });
  });

  it('opens a passphrase-protected export as an encrypted identity (age asks on the terminal)', async () => {
    const entry = teamEntry(a, 'sk_live_behind_passphrase');
    await writeTeamEntry(asA, entry);
    const sealed = join(work.path, 'a.age');
    await writeFile(sealed, await exportTeamIdentity(a, { passphrase: 'tiger lamp orbit seven', logN: 12 }), {
      mode: 0o600,
    });
    const vaultKey = join(work.path, 'vault.key');
    const keys = join(root, keyFileOf(a.fingerprint));

    const wrong = await ageWithTerminal(['-d', '-i', sealed, '-o', vaultKey, keys], 'not the passphrase');
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toContain('incorrect passphrase');

    const opened = await ageWithTerminal(['-d', '-i', sealed, '-o', vaultKey, keys], 'tiger lamp orbit seven');
    expect(opened.code).toBe(0);
    expect(identityFromFile(await readFile(vaultKey, 'utf8'))).toBe(asA.vaultKey.identity);
    const { stdout } = await run(AGE, ['-d', '-i', vaultKey, join(root, entryFileOf(entry.id))]);
    expect((JSON.parse(stdout) as { entry: { secret: string } }).entry.secret).toBe('sk_live_behind_passphrase');

    // `age -d` on the export itself asks for the passphrase and gives back the plain identity file.
    const unsealed = join(work.path, 'a.txt');
    const plain = await ageWithTerminal(['-d', '-o', unsealed, sealed], 'tiger lamp orbit seven');
    expect(plain.code).toBe(0);
    expect(await readFile(unsealed, 'utf8')).toBe(await exportTeamIdentity(a));
  });
});
