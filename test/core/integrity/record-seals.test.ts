import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core';
import { KEYHAVEN_SCHEMA_VERSION } from '../../../electron/core/db/schema';
import { sealAccount } from '../../../electron/core/integrity/seal-source';
import { decodeDocument, encodeDocument } from '../../../electron/core/storage/document-text';
import { encodeEntry } from '../../../electron/core/storage/journal-format';
import { generateInput } from '../../support/generate-input';
import { MemoryKeychain } from '../../support/memory-keychain';
import { makeTempDir } from '../../support/temp-dir';

type Doc = Record<string, unknown> & { keys: Record<string, unknown>[]; entries: Record<string, unknown>[] };

/**
 * Someone with write access to the data folder but not to the keychain: edits the files the way a
 * careful attacker would (the whole-file CRC recomputed, so only the seals can tell).
 */
describe('record seals: what decides security cannot be edited outside Keyhaven', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let keychain: MemoryKeychain;
  let core: Core;
  const open = async () =>
    (core = await openCore({ dataDir: dir.path, keychain, version: 'test', logError: () => undefined }));

  beforeEach(async () => {
    dir = await makeTempDir();
    keychain = new MemoryKeychain();
    await open();
  });
  afterEach(async () => {
    await core.close();
    await dir.remove();
  });

  async function editFile(name: string, edit: (doc: Doc) => void): Promise<void> {
    await core.close();
    const file = join(dir.path, name);
    const doc = decodeDocument(await readFile(file, 'utf8')) as Doc;
    edit(doc);
    await writeFile(file, encodeDocument(doc));
    await open();
  }

  async function issued() {
    const app = await core.apps.create({ name: 'Pyas' });
    return core.keys.generate(generateInput(app.id, { scopes: ['read:items'] }));
  }

  it('a revoked key un-revoked, its expiry moved to 2099 and a scope added in keyhaven.json: refused as TAMPERED, by the test API too', async () => {
    const key = await issued();
    await core.lifecycle.revoke(key.key.id);
    await editFile('keyhaven.json', (doc) => {
      const record = doc.keys[0]!;
      Object.assign(record, {
        revokedAt: null,
        expiresAt: '2099-01-01T00:00:00.000Z',
        scopes: ['read:items', 'admin'],
      });
    });
    expect((await core.keys.verifyKey(key.plaintext)).code).toBe('TAMPERED');
    const { baseUrl } = await core.testApi.start(0);
    const answer = await fetch(`${baseUrl!}/v1/whoami`, { headers: { authorization: `Bearer ${key.plaintext}` } });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ code: 'TAMPERED' });
  });

  it('a journal line forged with a valid checksum to un-revoke a key: refused as TAMPERED', async () => {
    const key = await issued();
    await core.lifecycle.revoke(key.key.id);
    await core.close();
    const file = join(dir.path, 'keyhaven.json');
    const { journalSeq } = decodeDocument(await readFile(file, 'utf8')) as { journalSeq: number };
    const forged = encodeEntry(journalSeq + 1, KEYHAVEN_SCHEMA_VERSION, [
      { type: 'key.patch', id: key.key.id, patch: { revokedAt: null } },
    ]);
    await writeFile(`${file}.journal`, forged.text);
    await open();
    expect(core.keys.list(key.key.appId)[0]?.revokedAt).toBeNull(); // the forged line did replay…
    expect((await core.keys.verifyKey(key.plaintext)).code).toBe('TAMPERED'); // …and is refused
  });

  it('an altered key cannot be rotated (which would seal the change again) but can still be revoked', async () => {
    const key = await issued();
    await editFile('keyhaven.json', (doc) => Object.assign(doc.keys[0]!, { scopes: ['read:items', 'admin'] }));
    await expect(core.lifecycle.rotate(key.key.id, 'immediately')).rejects.toMatchObject({
      code: 'TAMPERED',
      message: expect.stringContaining(
        `API key "${key.key.name}" (${key.key.keyPrefix}_${key.key.keyId}) was changed outside Keyhaven`,
      ),
    });
    await core.lifecycle.revoke(key.key.id);
    expect((await core.keys.verifyKey(key.plaintext)).code).toBe('REVOKED');
  });

  it('an entry whose allowed hosts were widened in vaults.json does not give its key away until its settings are saved again', async () => {
    const [vault] = core.vaults.vaults.listVaults();
    const entry = await core.vaults.entries.addEntry({
      vaultId: vault!.id,
      name: 'Stripe live',
      secret: 'sk_live_seal_test_0123456789',
      allowedHosts: ['api.stripe.com'],
    });
    await editFile('vaults.json', (doc) => Object.assign(doc.entries[0]!, { allowedHosts: ['evil.example'] }));
    await core.vaults.vaults.unlock(vault!.id);
    expect(() => core.vaults.entries.reveal(entry.id)).toThrow(
      expect.objectContaining({ code: 'TAMPERED', message: expect.stringContaining('"Stripe live"') }),
    );
    // A change that does not confirm the settings is refused too: it would seal them again.
    await expect(core.vaults.entries.updateEntry({ entryId: entry.id, notes: 'note' })).rejects.toMatchObject({
      code: 'TAMPERED',
    });
    await core.vaults.entries.updateEntry({ entryId: entry.id, allowedHosts: ['api.stripe.com'] });
    expect(core.vaults.entries.reveal(entry.id).secret).toBe('sk_live_seal_test_0123456789');
  });

  it('a folder from before seals is sealed once when the key is made; a seal stripped afterwards is not taken for that again', async () => {
    const key = await issued();
    await editFile('keyhaven.json', (doc) => {
      for (const record of doc.keys) record['seal'] = null;
      doc['sealedAt'] = null;
    });
    await keychain.delete(sealAccount(core.db.snapshot().installationId));
    expect((await core.keys.verifyKey(key.plaintext)).code).toBe('VALID');
    expect(core.db.snapshot().keys[0]?.seal).toMatch(/^v1\./);
    await editFile('keyhaven.json', (doc) => {
      doc.keys[0]!['seal'] = null;
    });
    expect((await core.keys.verifyKey(key.plaintext)).code).toBe('TAMPERED');
  });

  it('sealed records with the seal key gone from the keychain: KEYCHAIN_DATA_MISSING, nothing verifies', async () => {
    const key = await issued();
    const { installationId } = core.db.snapshot();
    await core.close();
    await keychain.delete(sealAccount(installationId));
    await open();
    await expect(core.keys.verifyKey(key.plaintext)).rejects.toMatchObject({ code: 'KEYCHAIN_DATA_MISSING' });
  });
});
