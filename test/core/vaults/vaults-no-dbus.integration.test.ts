import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarKeychain } from '../../../electron/core/keychain/keytar-keychain';
import { vaultAccount } from '../../../electron/core/vaults/data-keys';
import { openVaultDb } from '../../../electron/core/vaults/vault-db';
import { makeTempDir } from '../../support/temp-dir';
import { filesContaining } from './vault-fixture';
import { folderSeals } from '../../support/folder-seals';
import { MemoryKeychain } from '../../support/memory-keychain';

/**
 * The unavailable-keychain path with the REAL keytar: the same approach as the keychain integration
 * test's "without a Secret Service" case (test/core/keychain/keytar-keychain.integration.test.ts),
 * which covers the adapter alone: a child Node process whose DBUS_SESSION_BUS_ADDRESS points at a socket
 * that does not exist (and no DISPLAY, so libdbus cannot autolaunch one). Here the child opens the whole
 * core and answers through the API. The other steps run in a child too, inside the D-Bus session of
 * test/with-keyring.mjs, under a random test service name removed afterwards.
 */
const STEP = fileURLToPath(new URL('./fixtures/vaults-keychain-step.ts', import.meta.url));
const service = `Keyhaven-test-${randomBytes(4).toString('hex')}`;
const SECRET = `nodbus_${randomBytes(8).toString('hex')}_Kq`;

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type Answers = Record<string, Answer> & { logged: string[] };

async function step(dataDir: string, name: string, keychain: 'working' | 'no-dbus'): Promise<Answers> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (keychain === 'no-dbus') {
    env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/keyhaven-bus';
    delete env.DISPLAY;
  }
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', STEP, dataDir, service, name, SECRET],
    { env, timeout: 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Answers;
}

const dirs: Array<{ path: string; remove: () => Promise<void> }> = [];
afterAll(async () => {
  const keychain = new KeytarKeychain(service);
  for (const dir of dirs) {
    const db = await openVaultDb(dir.path, folderSeals(new MemoryKeychain()));
    const ids = db.snapshot().vaults.map((vault) => vault.id);
    await db.close();
    for (const id of ids) await keychain.delete(vaultAccount(id)).catch(() => false);
    await dir.remove();
  }
});

const codeOf = (answer: Answer | undefined) => (answer && !answer.ok ? answer.error.code : 'ok');

describe('vaults without a D-Bus session (real keytar)', () => {
  it('opens, lists metadata, refuses unlock and create with what to do, keeps everything', async () => {
    const dir = await makeTempDir('keyhaven-nodbus');
    dirs.push(dir);

    // 1. A working keychain: first run creates "Personal" and its data key; one entry is added.
    const seeded = await step(dir.path, 'seed', 'working');
    expect(seeded.list).toMatchObject({ ok: true, value: [{ name: 'Personal', locked: false }] });
    expect(seeded.add).toMatchObject({ ok: true, value: { name: 'Seeded', scheme: { kind: 'x-api-key' } } });

    // 2. No D-Bus session: the core opens; lists work; unlocking and creating say what to do.
    const offline = await step(dir.path, 'without-keychain', 'no-dbus');
    expect(offline.list).toMatchObject({
      ok: true,
      value: [{ name: 'Personal', locked: true, entryCount: 1, keyMissing: false }],
    });
    expect(offline.status).toMatchObject({ ok: true, value: { keychain: { state: 'unavailable' } } });
    for (const answer of [offline.unlock, offline.create]) {
      expect(codeOf(answer)).toBe('KEYCHAIN_UNAVAILABLE');
      const message = answer && !answer.ok ? answer.error.message : '';
      expect(message).toMatch(/Secret Service/);
      expect(message).toMatch(/install and start one such as GNOME Keyring/);
      expect(message).toMatch(/then try again/);
      expect(message).not.toContain(SECRET);
    }
    expect(offline.entries).toMatchObject({ ok: true, value: [{ name: 'Seeded', service: 'Pyas' }] });
    expect(JSON.stringify(offline.entries)).not.toContain(SECRET);
    expect(codeOf(offline.reveal)).toBe('LOCKED');
    expect(codeOf(offline.copy)).toBe('LOCKED');
    expect(codeOf(offline.add)).toBe('LOCKED'); // never stored unsealed as a fallback
    // Metadata-only changes still work without the keychain.
    expect(offline.rename).toMatchObject({ ok: true, value: { name: 'Personal (renamed offline)' } });
    expect(offline.settings).toMatchObject({ ok: true, value: { autoLockMinutes: 3 } });
    expect(offline.listAfter).toMatchObject({ ok: true, value: [{ locked: true, entryCount: 1 }] });
    expect(codeOf(offline.createApp)).toBe('KEYCHAIN_UNAVAILABLE');
    expect(offline.apps).toEqual({ ok: true, value: [] });
    expect(offline.logged).toEqual([]);
    expect(await filesContaining(dir.path, SECRET)).toEqual([]);

    // 3. The keychain back: nothing was lost, the data key still opens the entry.
    const back = await step(dir.path, 'reveal', 'working');
    expect(back.unlock).toMatchObject({ ok: true, value: { name: 'Personal (renamed offline)', locked: false } });
    expect(back.entries).toMatchObject({ ok: true, value: [{ name: 'Seeded', secretVersion: 1 }] });
    expect(back.reveal).toEqual({ ok: true, value: { secret: SECRET, version: 1 } });
    expect(await filesContaining(dir.path, SECRET)).toEqual([]);
  }, 120_000);

  it('a first run without a keychain: no vault yet, create says what to do; the next run makes "Personal"', async () => {
    const dir = await makeTempDir('keyhaven-nodbus-first');
    dirs.push(dir);
    const offline = await step(dir.path, 'first-run-without-keychain', 'no-dbus');
    // The default vault needs a data key: without a keychain it is not created (and nothing in clear).
    expect(offline.list).toEqual({ ok: true, value: [] });
    expect(codeOf(offline.create)).toBe('KEYCHAIN_UNAVAILABLE');

    // The first run owes the default vault: the next run with a keychain makes it as it opens.
    const later = await step(dir.path, 'create', 'working');
    expect(later.list).toMatchObject({ ok: true, value: [{ name: 'Personal', locked: false }] });
    expect(later.create).toMatchObject({ ok: true, value: { name: 'Created later', locked: false } });
    expect(later.listAfter).toMatchObject({ ok: true, value: [{ name: 'Personal' }, { name: 'Created later' }] });
  }, 120_000);
});
