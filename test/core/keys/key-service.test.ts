import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { CoreError } from '../../../electron/core/errors';
import { appSecretsAccount } from '../../../electron/core/keys/app-secrets';
import { createKeyHasher } from '../../../electron/core/keys/key-hasher';
import { pepperAccount } from '../../../electron/core/keys/pepper';
import { parseKey } from '../../../electron/core/keys/key-format';
import { generateInput } from '../../support/generate-input';
import { openTestCore, type TestCore } from '../../support/open-test-core';

async function allFileText(dir: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) text += await readFile(join(entry.parentPath, entry.name), 'utf8').catch(() => '');
  }
  return text;
}

describe('generating API keys', () => {
  let t: TestCore;
  let appId: string;

  beforeEach(async () => {
    t = await openTestCore();
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  it('returns the plaintext once, in the app-prefixed format, and lists the key as Active', async () => {
    const generated = await t.core.keys.generate(generateInput(appId, { name: 'Production' }));
    expect(parseKey(generated.plaintext)).toMatchObject({ prefix: 'pyas', keyId: generated.key.keyId });
    expect(generated.key).toMatchObject({
      name: 'Production',
      keyPrefix: 'pyas',
      status: 'active',
      useCount: 0,
      scopes: ['read:items'],
      expiration: { kind: 'preset', preset: '1y' },
    });
    expect(generated.replaced).toBeNull();
    const listed = t.core.keys.list(appId);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(generated.plaintext.split('.')[1]);
  });

  it('writes only the HMAC to disk: the secret part is nowhere in the data folder', async () => {
    const { plaintext } = await t.core.keys.generate(generateInput(appId, { name: 'Production' }));
    await t.core.keys.generate(generateInput(appId, { name: 'Second' })); // forces a .bak holding the first state
    const onDisk = await allFileText(t.dataDir);
    expect(onDisk).toContain('Production');
    expect(onDisk).not.toContain(plaintext);
    expect(onDisk).not.toContain(plaintext.split('.')[1]);
  });

  it('keeps everything across a reopen of the same data folder, with the same pepper', async () => {
    const { plaintext } = await t.core.keys.generate(generateInput(appId, { name: 'Production' }));
    await t.core.close();
    const reopened = await openCore({ dataDir: t.dataDir, keychain: t.keychain, version: 'test' });
    try {
      expect(reopened.keys.list(appId).map((k) => k.name)).toEqual(['Production']);
      expect((await reopened.keys.verifyKey(plaintext)).code).toBe('VALID');
    } finally {
      await reopened.close();
    }
    t.core = await openCore({ dataDir: t.dataDir, keychain: t.keychain, version: 'test' }); // for dispose
  });

  it('gives every key a unique key id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 200; i += 1)
      ids.add((await t.core.keys.generate(generateInput(appId, { name: `k${i}` }))).key.keyId);
    expect(ids.size).toBe(200);
  });

  it("stores the app's own pepper in the keychain under this data folder and app, not in the data file", async () => {
    const { plaintext, key } = await t.core.keys.generate(generateInput(appId, { name: 'Production' }));
    const installationId = t.core.db.snapshot().installationId;
    const item = JSON.parse(t.keychain.entries.get(appSecretsAccount(installationId, appId)) ?? '{}') as {
      pepper: string;
    };
    expect(Buffer.from(item.pepper, 'base64')).toHaveLength(32);
    // New apps do not use the folder's pepper: its secret would confirm other apps' keys.
    expect(t.keychain.entries.has(pepperAccount(installationId))).toBe(false);
    const stored = t.core.db.snapshot().keys.find((k) => k.id === key.id);
    expect(stored?.hash).toBe(createKeyHasher(Buffer.from(item.pepper, 'base64')).hash(plaintext));
    expect(await allFileText(t.dataDir)).not.toContain(item.pepper);
  });

  it('refuses to generate when the keychain is unavailable, and writes nothing', async () => {
    t.keychain.unavailable = true;
    await expect(t.core.keys.generate(generateInput(appId, { name: 'Production' }))).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
    });
    expect(t.core.keys.list(appId)).toEqual([]);
  });

  it('refuses to start a new pepper when keys exist but the pepper is gone', async () => {
    await t.core.keys.generate(generateInput(appId, { name: 'Production' }));
    await t.core.close();
    t.keychain.entries.clear(); // as on another machine
    t.core = await openCore({ dataDir: t.dataDir, keychain: t.keychain, version: 'test' });
    const attempt = t.core.keys.generate(generateInput(appId, { name: 'Another' }));
    await expect(attempt).rejects.toBeInstanceOf(CoreError);
    await expect(attempt).rejects.toMatchObject({ code: 'KEYCHAIN_DATA_MISSING' });
    expect(t.keychain.entries.size).toBe(0);
  });

  it('answers NOT_FOUND for an unknown app', async () => {
    await expect(t.core.keys.generate(generateInput('00000000-0000-4000-8000-000000000000'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
