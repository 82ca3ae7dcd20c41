/**
 * Two Keyhaven processes on one data folder (the app and the command line, or two harnesses): what one
 * commits, the other's reads and verification honour within the follow interval (issue 10, point 4).
 * Measured before: a key revoked in one kept verifying in the other, and things created elsewhere
 * answered NOT_FOUND until this process happened to write. (Timings: `npm run bench`, cross-process.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core';
import { consoleRequestSchema } from '../../../shared/console/request';
import { generateInput } from '../../support/generate-input';
import { MemoryKeychain } from '../../support/memory-keychain';
import { makeTempDir } from '../../support/temp-dir';

const soon = { timeout: 2_000, interval: 5 };

describe('two cores on one data folder', () => {
  let cores: Core[] = [];
  let remove: () => Promise<void> = async () => undefined;
  afterEach(async () => {
    for (const core of cores) await core.close();
    cores = [];
    await remove();
  });

  async function twoCores(): Promise<[Core, Core]> {
    const dir = await makeTempDir('keyhaven-two');
    remove = dir.remove;
    const keychain = new MemoryKeychain();
    const a = await openCore({ dataDir: dir.path, keychain, version: 'a' });
    const app = await a.apps.create({ name: 'Pyas' });
    await a.keys.generate(generateInput(app.id)); // the pepper exists before the second opens
    const b = await openCore({ dataDir: dir.path, keychain, version: 'b' });
    cores = [a, b];
    return [a, b];
  }

  it('honours a revocation and a rotation made by the other at once', async () => {
    const [a, b] = await twoCores();
    const appId = a.apps.list()[0]!.id;
    const revoked = await a.keys.generate(generateInput(appId, { name: 'Revoke me' }));
    await vi.waitFor(async () => expect((await b.keys.verifyKey(revoked.plaintext)).code).toBe('VALID'), soon);
    await a.lifecycle.revoke(revoked.key.id);
    await vi.waitFor(async () => expect((await b.keys.verifyKey(revoked.plaintext)).code).toBe('REVOKED'), soon);

    const old = await a.keys.generate(generateInput(appId, { name: 'Rotate me' }));
    const rotated = await a.lifecycle.rotate(old.key.id, 'immediately');
    await vi.waitFor(async () => {
      expect((await b.keys.verifyKey(old.plaintext)).code).toBe('REVOKED');
      expect((await b.keys.verifyKey(rotated.plaintext)).code).toBe('VALID');
    }, soon);
  });

  it('lists what the other created, in apps, vaults and the console', async () => {
    const [a, b] = await twoCores();
    const app = await a.apps.create({ name: 'Cerby' });
    const vault = await a.vaults.vaults.createVault('Team');
    await a.console.saveRequest({
      name: 'Ping',
      request: consoleRequestSchema.parse({ method: 'GET', url: 'http://127.0.0.1:9/' }),
    });
    await vi.waitFor(() => {
      expect(b.apps.get(app.id).name).toBe('Cerby');
      expect(b.vaults.vaults.listVaults().map((v) => v.name)).toContain('Team');
      expect(b.console.collections.view().saved.map((s) => s.name)).toEqual(['Ping']);
    }, soon);
    expect(b.vaults.vaults.summary(vault.id).name).toBe('Team');
  });

  it('keeps every change when both write at once', async () => {
    const [a, b] = await twoCores();
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => a.apps.create({ name: `From A ${i}` })),
      ...Array.from({ length: 20 }, (_, i) => b.apps.create({ name: `From B ${i}` })),
    ]);
    await vi.waitFor(() => {
      expect(a.apps.list()).toHaveLength(41);
      expect(b.apps.list()).toHaveLength(41);
    }, soon);
  });

  it('keeps every key, vault entry and saved request when both write at once, each with its one record', async () => {
    const [a, b] = await twoCores();
    const appId = a.apps.list()[0]!.id;
    const vaultId = a.vaults.vaults.listVaults()[0]!.id;
    await Promise.all([a.vaults.vaults.unlock(vaultId), b.vaults.vaults.unlock(vaultId)]);
    const request = consoleRequestSchema.parse({ method: 'GET', url: 'https://api.example.com/ping' });
    const writes = (core: Core, who: string) =>
      Array.from({ length: 8 }, (_, i) => [
        core.keys.generate(generateInput(appId, { name: `${who} key ${i}` })),
        core.vaults.entries.addEntry({ vaultId, name: `${who} entry ${i}`, secret: `sk_${who}_${i}_0123456789abcdef` }),
        core.console.saveRequest({ name: `${who} request ${i}`, request }),
      ]).flat();
    const made = (await Promise.all([...writes(a, 'A'), ...writes(b, 'B')])) as Array<{ plaintext?: string }>;
    const keys = made.flatMap((result) => (result.plaintext ? [result.plaintext] : []));
    expect(keys).toHaveLength(16);
    for (const core of [a, b]) {
      await vi.waitFor(() => {
        expect(core.keys.list(appId)).toHaveLength(17);
        expect(core.vaults.entries.listEntries(vaultId)).toHaveLength(16);
        expect(core.console.collections.view().saved).toHaveLength(16);
      }, soon);
      for (const plaintext of keys) expect((await core.keys.verifyKey(plaintext)).code).toBe('VALID');
      // The records follow the keys by a moment: the other core's commit is read, then its records.
      await vi.waitFor(() => {
        const generated = core.activity.list().filter((record) => record.type === 'key.generated');
        expect(new Set(generated.map((record) => record.issuedKeyId)).size).toBe(17);
        expect(generated).toHaveLength(17);
      }, soon);
      expect(await core.activity.check()).toMatchObject({ intact: true });
    }
  });
});
