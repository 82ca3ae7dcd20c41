import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../../electron/core/storage';
import { PLAINTEXT_HOLD_MS } from '../../../electron/core/keys/issuing';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';
import { filesContaining } from '../vaults/vault-fixture';

/**
 * Where issuing meets the vaults, through the real core: a new key's plaintext is held in main for
 * Save in vault / Copy, and a rotation updates the vault entry that held the old key.
 */
let t: TestCore | null = null;
afterEach(async () => {
  await t?.dispose().catch(() => undefined);
  t = null;
});

const HOUR = 3_600_000;

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: 'resolved', message: '' }),
    (error: { code?: string; message?: string }) => ({ code: error.code ?? 'no code', message: error.message ?? '' }),
  );

async function setup() {
  const clock = new ManualClock('2026-11-23T10:00:00.000Z');
  t = await openTestCore({ clock });
  const app = await t.core.apps.create({ name: 'Cerby' });
  const [personal] = t.core.vaults.vaults.listVaults();
  const generated = await t.core.issuing.generate(
    generateInput(app.id, { name: 'CI key', scopes: ['read:items', 'write:integrations'] }),
  );
  return { t, clock, app, vaultId: personal!.id, generated };
}

describe('Save in vault', () => {
  it('stores the held key as an issued entry with service Keyhaven, app name, scope labels and expiry', async () => {
    const { t, app, vaultId, generated } = await setup();
    const entry = await t.core.issuing.saveInVault(generated.key.id, vaultId);
    expect(entry).toMatchObject({
      vaultId,
      kind: 'issued',
      name: 'CI key',
      service: 'Keyhaven',
      issuedKeyId: generated.key.id,
      appName: app.name,
      scopes: ['Read items', 'Write integrations'],
      expiresAt: generated.key.expiresAt,
      secretVersion: 1,
      history: [],
    });
    expect(generated.key.expiresAt).toBe('2027-11-23T10:00:00.000Z');
    expect(t.core.vaults.entries.reveal(entry.id)).toEqual({ secret: generated.plaintext, version: 1 });
    expect(JSON.stringify(entry)).not.toContain(generated.plaintext);
  });

  it("saves the entry with the app's header scheme, not Bearer whatever the app", async () => {
    const { t, app, vaultId, generated } = await setup();
    expect(app.headerScheme).toBe('x-api-key');
    expect((await t.core.issuing.saveInVault(generated.key.id, vaultId)).scheme).toEqual({ kind: 'x-api-key' });
    const atfinity = await t.core.apps.create({ name: 'atfinity', headerScheme: 'api-key', scopes: 'none' });
    const bare = await t.core.issuing.generate(generateInput(atfinity.id, { scopes: [] }));
    expect((await t.core.issuing.saveInVault(bare.key.id, vaultId)).scheme).toEqual({ kind: 'api-key' });
  });

  it('a second save of the same key is a CONFLICT naming the entry', async () => {
    const { t, vaultId, generated } = await setup();
    await t.core.issuing.saveInVault(generated.key.id, vaultId);
    const work = await t.core.vaults.vaults.createVault('Work');
    const again = await failure(t.core.issuing.saveInVault(generated.key.id, work.id));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('"CI key"');
    expect(t.core.vaults.entries.listEntries(work.id)).toEqual([]);
  });

  it('records key.savedInVault, naming the vault, with no plaintext anywhere in the activity log', async () => {
    const { t, vaultId, generated } = await setup();
    await t.core.issuing.saveInVault(generated.key.id, vaultId);
    const saved = t.core.activity.list({ issuedKeyId: generated.key.id }).filter((r) => r.type === 'key.savedInVault');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.summary).toBe('API key "CI key" saved in the vault "Personal"');
    expect(JSON.stringify(t.core.activity.list())).not.toContain(generated.plaintext);
    await t.core.close();
    expect(await filesContaining(t.dataDir, generated.plaintext)).toEqual([]);
  });

  it('saves into a locked vault by unlocking it on demand, then locks it again; an unknown vault is NOT_FOUND', async () => {
    const { t, generated } = await setup();
    const work = await t.core.vaults.vaults.createVault('Work');
    t.core.vaults.vaults.lockAll();
    expect((await failure(t.core.issuing.saveInVault(generated.key.id, crypto.randomUUID()))).code).toBe('NOT_FOUND');
    const entry = await t.core.issuing.saveInVault(generated.key.id, work.id);
    expect(entry.vaultId).toBe(work.id);
    // Saving did not leave the vault open behind the user's back.
    expect(t.core.vaults.vaults.summary(work.id).locked).toBe(true);
    await t.core.vaults.vaults.unlock(work.id);
    expect(t.core.vaults.entries.reveal(entry.id).secret).toBe(generated.plaintext);
  });

  it('after discard the plaintext is gone: save and copy are NOT_FOUND', async () => {
    const { t, vaultId, generated } = await setup();
    expect(t.core.issuing.discard(generated.key.id)).toBeNull();
    const save = await failure(t.core.issuing.saveInVault(generated.key.id, vaultId));
    expect(save.code).toBe('NOT_FOUND');
    expect(save.message).toMatch(/Rotate the key/);
    expect((await failure(t.core.issuing.copy(generated.key.id))).code).toBe('NOT_FOUND');
    expect(t.core.vaults.entries.listEntries(vaultId)).toEqual([]);
  });

  it('the held plaintext expires 15 minutes after the page opened', async () => {
    const { t, clock, vaultId, generated } = await setup();
    expect(PLAINTEXT_HOLD_MS).toBe(15 * 60 * 1000);
    const other = await t.core.issuing.generate(generateInput(generated.key.appId, { name: 'Other' }));
    clock.advance(PLAINTEXT_HOLD_MS - 1);
    await t.core.issuing.saveInVault(generated.key.id, vaultId); // still held one millisecond before
    clock.advance(1);
    expect((await failure(t.core.issuing.copy(generated.key.id))).code).toBe('NOT_FOUND');
    expect((await failure(t.core.issuing.saveInVault(other.key.id, vaultId))).code).toBe('NOT_FOUND');
  });

  it('an unknown key id is NOT_FOUND', async () => {
    const { t, vaultId } = await setup();
    expect((await failure(t.core.issuing.saveInVault(crypto.randomUUID(), vaultId))).code).toBe('NOT_FOUND');
    expect((await failure(t.core.issuing.copy(crypto.randomUUID()))).code).toBe('NOT_FOUND');
  });

  it('close forgets every held plaintext', async () => {
    const { t, vaultId, generated } = await setup();
    await t.core.close();
    expect((await failure(t.core.issuing.saveInVault(generated.key.id, vaultId))).code).toBe('NOT_FOUND');
  });
});

describe('Copy on the store page', () => {
  it('writes the plaintext to the clipboard, records key.copied, and clears after the configured delay', async () => {
    const { t, generated } = await setup();
    expect(await t.core.issuing.copy(generated.key.id)).toEqual({ clearsAfterSeconds: 30 });
    expect(t.platform.writes).toEqual([generated.plaintext]);
    const copied = t.core.activity.list({ issuedKeyId: generated.key.id }).filter((r) => r.type === 'key.copied');
    expect(copied).toHaveLength(1);
    expect(JSON.stringify(copied)).not.toContain(generated.plaintext);
    await t.platform.runTimers();
    expect(t.platform.text).toBe('');
  });
});

describe('rotation updates the vault entry', () => {
  it('the entry holds the new key; the old one stays in history until the grace end; expiry follows', async () => {
    const { t, clock, vaultId, generated } = await setup();
    const saved = await t.core.issuing.saveInVault(generated.key.id, vaultId);
    clock.advance(2 * HOUR);
    t.core.vaults.vaults.lockAll(); // the entry is updated even while its vault is locked
    const rotated = await t.core.issuing.rotate(generated.key.id, '24h');
    expect(rotated.vaultUpdate).toEqual({ updatedEntries: 1, problem: null });
    const graceEnd = '2026-11-24T12:00:00.000Z';
    expect(rotated.replaced?.graceEndsAt).toBe(graceEnd);

    const entry = t.core.vaults.entries.get(saved.id);
    expect(entry).toMatchObject({
      issuedKeyId: rotated.key.id,
      secretVersion: 2,
      expiresAt: rotated.key.expiresAt,
      history: [{ version: 1, keepUntil: graceEnd }],
    });
    expect(rotated.key.expiresAt).toBe('2027-11-23T12:00:00.000Z'); // the 1-year preset restarted
    expect(entry.expiresAt).not.toBe(generated.key.expiresAt);
    expect(t.core.vaults.vaults.summary(entry.vaultId).locked).toBe(true); // locked again after the update
    await t.core.vaults.vaults.unlock(entry.vaultId);
    expect(t.core.vaults.entries.reveal(saved.id)).toEqual({ secret: rotated.plaintext, version: 2 });
    expect(t.core.vaults.entries.reveal(saved.id, 1)).toEqual({ secret: generated.plaintext, version: 1 });
    expect(t.core.vaults.entries.findByIssuedKey(generated.key.id)).toBeNull();

    // The new key is now the saved one: saving it again is a conflict, not a second entry.
    expect((await failure(t.core.issuing.saveInVault(rotated.key.id, vaultId))).code).toBe('CONFLICT');

    // Rotating again after the first grace ended drops the dead value and keeps the newly replaced one.
    clock.set('2026-11-26T00:00:00.000Z');
    const again = await t.core.issuing.rotate(rotated.key.id, '1h');
    expect(again.vaultUpdate.updatedEntries).toBe(1);
    const after = t.core.vaults.entries.get(saved.id);
    expect(after.history.map((item) => item.version)).toEqual([2]);
    expect(after.history[0]!.keepUntil).toBe('2026-11-26T01:00:00.000Z');
    expect(t.core.vaults.entries.reveal(saved.id, 2).secret).toBe(rotated.plaintext);
    expect((await failure(Promise.resolve().then(() => t.core.vaults.entries.reveal(saved.id, 1)))).code).toBe(
      'NOT_FOUND',
    );
    expect(t.core.vaults.entries.reveal(saved.id).secret).toBe(again.plaintext);
  });

  it('an unreachable keychain: the rotation is still returned, with vaultUpdate.problem, and the entry unchanged', async () => {
    const { t, vaultId, generated } = await setup();
    const saved = await t.core.issuing.saveInVault(generated.key.id, vaultId);
    t.core.vaults.vaults.lockAll();
    t.keychain.unavailable = true; // the pepper was loaded by generate; the vault key cannot be read
    const rotated = await t.core.issuing.rotate(generated.key.id, 'immediately');
    expect(rotated.plaintext).not.toBe(generated.plaintext);
    expect(rotated.key.replacesId).toBe(generated.key.id);
    expect(rotated.vaultUpdate.updatedEntries).toBe(0);
    expect(rotated.vaultUpdate.problem).toMatch(/was not updated/);
    expect(rotated.vaultUpdate.problem).toMatch(/Save in vault/);
    expect(rotated.vaultUpdate.problem).not.toContain(rotated.plaintext);
    expect(t.core.vaults.entries.get(saved.id)).toMatchObject({
      issuedKeyId: generated.key.id,
      secretVersion: 1,
      history: [],
    });
    // The rotation itself was saved.
    const keys = t.core.keys.list(generated.key.appId);
    expect(keys.find((k) => k.id === generated.key.id)?.replacedById).toBe(rotated.key.id);

    // What the problem says to do works once the keychain is back: Save in vault on the new key's page.
    t.keychain.unavailable = false;
    const resaved = await t.core.issuing.saveInVault(rotated.key.id, vaultId);
    await t.core.vaults.vaults.unlock(vaultId);
    expect(t.core.vaults.entries.reveal(resaved.id).secret).toBe(rotated.plaintext);
    expect(t.core.vaults.entries.reveal(saved.id).secret).toBe(generated.plaintext);
  });

  it('a vault write that fails, a damaged entry, or an unexpected error: the rotation is still returned', async () => {
    const { t, vaultId, generated } = await setup();
    const saved = await t.core.issuing.saveInVault(generated.key.id, vaultId);
    const db = t.core.vaults.db;
    const commit = db.commit.bind(db);
    const failOnce = (error: Error) => {
      db.commit = () => {
        db.commit = commit;
        return Promise.reject(error);
      };
    };

    // The vault file cannot be written (disk full, lock held elsewhere): a StorageError.
    failOnce(new StorageError('IO', db.file, `Keyhaven could not write ${db.file} (disk full). Nothing was changed.`));
    const first = await t.core.issuing.rotate(generated.key.id, 'immediately');
    expect(first.plaintext).toMatch(/\./);
    expect(first.vaultUpdate.updatedEntries).toBe(0);
    expect(first.vaultUpdate.problem).toContain('disk full');
    expect(first.vaultUpdate.problem).toMatch(/Save in vault/);

    // An unexpected failure: still returned, and its text is not quoted.
    failOnce(new TypeError('something internal sk_live_should_not_be_quoted'));
    const second = await t.core.issuing.rotate(first.key.id, 'immediately');
    expect(second.vaultUpdate.updatedEntries).toBe(0);
    expect(second.vaultUpdate.problem).toContain('The vault could not be updated.');
    expect(second.vaultUpdate.problem).not.toContain('sk_live');

    // The entry's sealed value was tampered with: it cannot be opened to move it to history.
    const record = db.snapshot().entries.find((e) => e.id === saved.id)!;
    const tag = Buffer.from(record.secret.tag, 'base64');
    tag[0] = tag[0]! ^ 1;
    await db.commit(() => ({
      ops: [
        {
          type: 'entry.patch',
          id: saved.id,
          patch: { issuedKeyId: second.key.id, secret: { ...record.secret, tag: tag.toString('base64') } },
        },
      ],
      result: undefined,
    }));
    const third = await t.core.issuing.rotate(second.key.id, 'immediately');
    expect(third.vaultUpdate.updatedEntries).toBe(0);
    expect(third.vaultUpdate.problem).toMatch(/could not be decrypted/);
    // Every rotation was saved: the chain of keys is there.
    const keys = t.core.keys.list(generated.key.appId);
    expect(keys.find((k) => k.id === second.key.id)?.replacedById).toBe(third.key.id);
  });

  it('a key that was never saved: updatedEntries 0, no problem', async () => {
    const { t, vaultId, generated } = await setup();
    const rotated = await t.core.issuing.rotate(generated.key.id, '1h');
    expect(rotated.vaultUpdate).toEqual({ updatedEntries: 0, problem: null });
    expect(t.core.vaults.entries.listEntries(vaultId)).toEqual([]);
    // The new key's plaintext is held like a generated one's: it can be saved from its page.
    const entry = await t.core.issuing.saveInVault(rotated.key.id, vaultId);
    expect(t.core.vaults.entries.reveal(entry.id).secret).toBe(rotated.plaintext);
  });

  it('nothing of either key is in clear on disk after rotation and close', async () => {
    const { t, vaultId, generated } = await setup();
    await t.core.issuing.saveInVault(generated.key.id, vaultId);
    const rotated = await t.core.issuing.rotate(generated.key.id, '7d');
    await t.core.close();
    expect(await filesContaining(t.dataDir, generated.plaintext)).toEqual([]);
    expect(await filesContaining(t.dataDir, rotated.plaintext)).toEqual([]);
    const vaultsFile = await readFile(join(t.dataDir, 'vaults.json'), 'utf8');
    expect(vaultsFile).toContain(rotated.key.id); // the entry's link to the new key is there, in clear
  });
});
