import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCKED_KEYCHAIN_ADVICE } from '../../../electron/core/keychain/keychain';
import { startPrivateKeyring, type PrivateKeyring } from '../../support/private-keyring';
import { makeTempDir } from '../../support/temp-dir';

/**
 * A REAL gnome-keyring whose login collection is really locked (the Secret Service's Lock call), in a
 * private D-Bus session so the test files beside this one keep their unlocked keyring. keytar cannot
 * tell a locked collection: a read of a missing account answers null as if all were well, a read of a
 * stored one (with no prompt window possible) null as if the key were lost, and a write fails. The
 * core runs in child processes, one per step, as the app would across launches.
 */
const STEP = fileURLToPath(new URL('./fixtures/locked-keyring-step.ts', import.meta.url));
const service = `Keyhaven-test-${randomBytes(4).toString('hex')}`;

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type Answers = Record<string, Answer> & { logged: string[] };

let keyring: PrivateKeyring;
const dirs: Array<{ path: string; remove: () => Promise<void> }> = [];

beforeAll(async () => {
  keyring = await startPrivateKeyring();
});
afterEach(async () => {
  // Each test starts from an unlocked keyring, whatever the last one left.
  if (await keyring.isLocked()) await keyring.unlock();
}, 30_000);
afterAll(async () => {
  await keyring.stop();
  for (const dir of dirs) await dir.remove();
});

async function step(dataDir: string, name: 'status' | 'refused' | 'unlock-vault' | 'delete-vaults'): Promise<Answers> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', STEP, dataDir, service, name], {
    env: keyring.env,
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Answers;
}

async function dataDir(): Promise<string> {
  const dir = await makeTempDir('keyhaven-locked');
  dirs.push(dir);
  return dir.path;
}

const failureOf = (answer: Answer | undefined) => (answer && !answer.ok ? answer.error : null);
const namesIn = (answer: Answer | undefined) =>
  answer?.ok ? (answer.value as Array<{ name: string }>).map((vault) => vault.name) : answer;

// Each step starts the core in a new Node process (a few seconds on a busy machine).
describe('a locked login keyring (real gnome-keyring, locked over D-Bus)', { timeout: 60_000 }, () => {
  it('is reported as locked with how to unlock it, and refuses new secrets with the same words', async () => {
    await keyring.lock();
    expect(await keyring.isLocked()).toBe(true);
    const answers = await step(await dataDir(), 'refused');

    expect(answers.status).toMatchObject({
      ok: true,
      value: { keychain: { state: 'locked', problem: LOCKED_KEYCHAIN_ADVICE } },
    });
    for (const refused of [answers.createVault, answers.createApp]) {
      expect(failureOf(refused)).toEqual({ code: 'KEYCHAIN_UNAVAILABLE', message: LOCKED_KEYCHAIN_ADVICE });
    }
    expect(JSON.stringify(answers)).not.toMatch(/GNOME Keyring \(for example|install/i);
    // Still locked: nothing Keyhaven did raised or answered an unlock.
    expect(await keyring.isLocked()).toBe(true);
  });

  it('says a stored key is locked away, not lost, when a vault is unlocked meanwhile', async () => {
    const folder = await dataDir();
    expect(namesIn((await step(folder, 'status')).list)).toEqual(['Personal']);
    await keyring.lock();
    const answers = await step(folder, 'unlock-vault');
    // keytar alone reads null here, which Keyhaven took for a lost key (KEYCHAIN_DATA_MISSING).
    expect(failureOf(answers.unlock)).toEqual({ code: 'KEYCHAIN_UNAVAILABLE', message: LOCKED_KEYCHAIN_ADVICE });
    expect(answers.list).toMatchObject({ ok: true, value: [{ name: 'Personal', locked: true, keyMissing: false }] });
  });

  it('owes the default vault from a locked first run, makes it once unlocked, and never again after it is deleted', async () => {
    const folder = await dataDir();
    await keyring.lock();
    const firstRun = await step(folder, 'status');
    expect(firstRun.status).toMatchObject({ ok: true, value: { keychain: { state: 'locked' } } });
    expect(namesIn(firstRun.list)).toEqual([]);

    await keyring.unlock();
    const unlocked = await step(folder, 'status');
    expect(unlocked.status).toMatchObject({ ok: true, value: { keychain: { state: 'connected', problem: null } } });
    expect(namesIn(unlocked.list)).toEqual(['Personal']);

    const deleted = await step(folder, 'delete-vaults');
    expect(namesIn(deleted.list)).toEqual([]);
    const later = await step(folder, 'status');
    expect(namesIn(later.list)).toEqual([]);
  });

  it('reads as connected while unlocked, and a first run then makes the default vault at once', async () => {
    const answers = await step(await dataDir(), 'status');
    expect(answers.status).toMatchObject({ ok: true, value: { keychain: { state: 'connected', problem: null } } });
    expect(namesIn(answers.list)).toEqual(['Personal']);
  });
});
