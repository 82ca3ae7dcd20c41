import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { KeytarKeychain } from '../../../electron/core/keychain/keytar-keychain';
import { appSecretsAccount } from '../../../electron/core/keys/app-secrets';
import { generateInput } from '../../support/generate-input';
import { makeTempDir } from '../../support/temp-dir';

/**
 * Against the real OS keychain: on Linux, gnome-keyring in a D-Bus session that `npm test` starts when
 * none is running. A test service name keeps these entries apart from a developer's real Keyhaven.
 */
const service = `Keyhaven-test-${randomBytes(4).toString('hex')}`;
const keychain = new KeytarKeychain(service);
const accounts: string[] = [];

afterAll(async () => {
  for (const account of accounts) await keychain.delete(account);
});

describe('keytar keychain (real Secret Service)', () => {
  it('stores, reads and deletes a secret', async () => {
    const account = `it:${randomBytes(4).toString('hex')}`;
    accounts.push(account);
    expect(await keychain.get(account)).toBeNull();
    await keychain.set(account, 'sëcret-välue');
    expect(await keychain.get(account)).toBe('sëcret-välue');
    expect(await keychain.delete(account)).toBe(true);
    expect(await keychain.get(account)).toBeNull();
  });

  it("backs the core: the app's pepper lands in the keychain, keys verify after a reopen", async () => {
    const dir = await makeTempDir();
    try {
      let core = await openCore({ dataDir: dir.path, keychain, version: 'test' });
      const app = await core.apps.create({ name: 'Pyas' });
      const { plaintext } = await core.keys.generate(generateInput(app.id));
      const account = appSecretsAccount(core.db.snapshot().installationId, app.id);
      accounts.push(account);
      const item = JSON.parse((await keychain.get(account)) ?? '{}') as { pepper?: string };
      expect(Buffer.from(item.pepper ?? '', 'base64')).toHaveLength(32);
      await core.close();
      core = await openCore({ dataDir: dir.path, keychain, version: 'test' });
      expect((await core.keys.verifyKey(plaintext)).code).toBe('VALID');
      await core.close();
    } finally {
      await dir.remove();
    }
  });
});

describe('keytar keychain without a Secret Service', () => {
  it('fails with KEYCHAIN_UNAVAILABLE and says what to install, instead of storing anything in clear', async () => {
    const probe = fileURLToPath(new URL('./fixtures/probe-keychain.ts', import.meta.url));
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keyhaven-bus' };
    delete env['DISPLAY'];
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', probe], { env });
    const answer = JSON.parse(stdout) as { ok: boolean; code?: string; message?: string };
    expect(answer.ok).toBe(false);
    expect(answer.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(answer.message).toMatch(/Secret Service/);
    expect(answer.message).toMatch(/gnome-keyring/);
  });
});
