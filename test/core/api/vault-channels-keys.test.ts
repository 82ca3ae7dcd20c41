// The key channels that reach the vaults (Save in vault, Copy, rotate) through window.keyhaven.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/api/handlers';
import { hostOf } from '../../../electron/core/core-host';
import { openCore } from '../../../electron/core/core';
import { createInProcessApi } from '../../support/in-process-api';
import { generateInput } from '../../support/generate-input';
import { MemoryKeychain } from '../../support/memory-keychain';
import { makeTempDir } from '../../support/temp-dir';
import { api, fails, ok, openApiForEachTest, personal, SECRET, t } from './vault-channels-fixture';

openApiForEachTest();

describe('key channels that reach the vaults', () => {
  async function generated() {
    const app = ok('apps:create', await api.apps.create({ name: 'Cerby' }));
    const { appId: _a, ...input } = generateInput(app.id);
    return ok('keys:generate', await api.keys.generate({ appId: app.id, ...input }));
  }

  it('saveInVault, copyPlaintext, discardPlaintext, and rotate reporting the vault update', async () => {
    const a = await personal();
    const key = await generated();
    const entry = ok('keys:saveInVault', await api.keys.saveInVault({ keyId: key.key.id, vaultId: a.id }));
    expect(entry).toMatchObject({ kind: 'issued', service: 'Keyhaven', appName: 'Cerby', scopes: ['Read items'] });
    expect(JSON.stringify(entry)).not.toContain(key.plaintext);
    fails(await api.keys.saveInVault({ keyId: key.key.id, vaultId: a.id }), 'CONFLICT', key.plaintext);
    fails(await api.keys.saveInVault({ keyId: crypto.randomUUID(), vaultId: a.id }), 'NOT_FOUND');
    expect(ok('keys:copyPlaintext', await api.keys.copyPlaintext({ keyId: key.key.id }))).toEqual({
      clearsAfterSeconds: 30,
    });
    expect(t.platform.text).toBe(key.plaintext);

    const rotated = ok('keys:rotate', await api.keys.rotate({ id: key.key.id, grace: '1h' }));
    expect(rotated.vaultUpdate).toEqual({ updatedEntries: 1, problem: null });
    expect(ok('entries:reveal', await api.entries.reveal({ entryId: entry.id })).secret).toBe(rotated.plaintext);

    expect(ok('keys:discardPlaintext', await api.keys.discardPlaintext({ keyId: rotated.key.id }))).toBeNull();
    fails(await api.keys.copyPlaintext({ keyId: rotated.key.id }), 'NOT_FOUND');
    fails(await api.keys.saveInVault({ keyId: 'nope', vaultId: a.id }), 'INVALID_INPUT');
  });

  it('Copy without a desktop clipboard answers UNAVAILABLE with what to do instead', async () => {
    const dir = await makeTempDir();
    const core = await openCore({ dataDir: dir.path, keychain: new MemoryKeychain(), version: 'test' });
    try {
      const headless = createInProcessApi(createHandlers(hostOf(core)));
      const [vault] = ok('vaults:list', await headless.vaults.list());
      const entry = ok('entries:add', await headless.entries.add({ vaultId: vault!.id, name: 'n', secret: SECRET }));
      const message = fails(await headless.entries.copy({ entryId: entry.id, format: 'value' }), 'UNAVAILABLE', SECRET);
      expect(message).toMatch(/Show/);
    } finally {
      await core.close();
      await dir.remove();
    }
  });
});
