import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { KeytarKeychain } from '../../../electron/core/keychain/keytar-keychain';
import { KEYHAVEN_BIN, keyhavenOk, useDataFolders, type CliRun } from '../support/keyhaven-cli';
import { addEntry } from './cli-fixtures';

const SECRET = 'sk_live_Pa55phr4seCl1Q9wE7rT5yU3';
const PASSPHRASE = 'correct horse battery staple';

/** A data folder whose vault keys are wrapped under a Keyhaven passphrase, as Settings leaves it. */
async function protectedFolder(dataDir: string): Promise<void> {
  await addEntry(dataDir, 'Personal', 'Stripe', SECRET, ['--scheme', 'bearer']);
  const core = await openCore({ dataDir, keychain: new KeytarKeychain(), version: 'test', console: false });
  try {
    await core.vaults.passphrase.set({ passphrase: PASSPHRASE });
  } finally {
    await core.close();
  }
}

/** `keyhaven` in a session of its own: no controlling terminal, as under a service or CI. */
function withoutTerminal(args: string[], dataDir: string): Promise<CliRun> {
  return collect(
    spawn(process.execPath, [KEYHAVEN_BIN, ...args], {
      env: { ...process.env, KEYHAVEN_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    }),
  );
}

/** `keyhaven` on a pseudo-terminal (util-linux `script`): `typed` is typed once the prompt shows. */
function inTerminal(args: string[], dataDir: string, typed: string): Promise<CliRun> {
  const child = spawn('script', ['-qec', [process.execPath, KEYHAVEN_BIN, ...args].join(' '), '/dev/null'], {
    env: { ...process.env, KEYHAVEN_DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let sent = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (!sent && chunk.toString().includes('Keyhaven passphrase (not shown): ')) {
      sent = true;
      child.stdin.write(`${typed}\r`);
    }
  });
  return collect(child);
}

function collect(child: ReturnType<typeof spawn>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('the command line with a Keyhaven passphrase (issue 14)', () => {
  const newDataDir = useDataFolders();

  it('asks for it on the terminal, not echoed, only for commands that need a vault key', async () => {
    const dataDir = newDataDir();
    await protectedFolder(dataDir);
    // Listing needs no vault key: no question.
    expect(await keyhavenOk(['vault', 'entries', 'Personal'], { dataDir })).toContain('Stripe');
    const run = await inTerminal(['read', 'kh://Personal/Stripe'], dataDir, PASSPHRASE);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Keyhaven passphrase (not shown): ');
    expect(run.stdout).toContain(SECRET);
    expect(run.stdout).not.toContain(PASSPHRASE);
  });

  it('a wrong passphrase exits 4 with a clear message and prints no key', async () => {
    const dataDir = newDataDir();
    await protectedFolder(dataDir);
    const run = await inTerminal(['read', 'kh://Personal/Stripe'], dataDir, 'not the passphrase at all');
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('Keyhaven passphrase (not shown): ');
    expect(run.stdout).toContain('That is not your Keyhaven passphrase.');
    expect(run.stdout).not.toContain(SECRET);
    expect(run.stdout).not.toContain('not the passphrase at all');
  });

  it('without a terminal: exit 4, saying why, and never reading it from elsewhere', async () => {
    const dataDir = newDataDir();
    await protectedFolder(dataDir);
    const run = await withoutTerminal(['read', 'kh://Personal/Stripe'], dataDir);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('no terminal to ask for it on');
    expect(run.stdout).toBe('');
  });
});
