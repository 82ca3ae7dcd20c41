import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/api/handlers';
import { hostOf } from '../../../electron/core/core-host';
import { openCore } from '../../../electron/core/core';
import { vaultAccount } from '../../../electron/core/vaults/data-keys';
import { SCRYPT_N } from '../../../electron/core/vaults/export-format';
import type { HeaderScheme } from '../../../shared/catalogs/service-presets';
import type { KeyhavenApi } from '../../../shared/ipc/api';
import type { Channel } from '../../../shared/ipc/channels';
import { contract, type ResponseOf } from '../../../shared/ipc/contract';
import type { ErrorCode, Result } from '../../../shared/ipc/errors';
import { createInProcessApi } from '../../support/in-process-api';
import { generateInput } from '../../support/generate-input';
import { MemoryKeychain } from '../../support/memory-keychain';
import { openTestCore, type TestCore } from '../../support/open-test-core';
import { makeTempDir } from '../../support/temp-dir';

/**
 * Every vault, entry and vault-related key channel through `window.keyhaven` backed by the real core
 * (the same validation and error mapping as IPC, values structured-cloned both ways).
 */
const SECRET = 'sk_live_Vq3ZpL9s3cr3tKH7f1eX0bq';
const PASSPHRASE = 'Correct horse battery staple 42';

let t: TestCore;
let api: KeyhavenApi;
let logged: string[];

beforeEach(async () => {
  t = await openTestCore();
  logged = [];
  api = createInProcessApi(createHandlers(hostOf(t.core)), (line) => logged.push(line));
});
afterEach(() => t.dispose());

/** The value of a successful answer, checked against the channel's response schema. */
function ok<C extends Channel>(channel: C, result: Result<unknown>): ResponseOf<C> {
  if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
  return contract[channel].response.parse(result.value) as ResponseOf<C>;
}

/** The error of a failed answer; also checks it never carries the given secrets. */
function fails(result: Result<unknown>, code: ErrorCode, ...secrets: string[]): string {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  for (const secret of secrets) expect(result.error.message).not.toContain(secret);
  return result.error.message;
}

const personal = async () => ok('vaults:list', await api.vaults.list())[0]!;

async function addEntry(vaultId: string, name: string, secret = SECRET, scheme?: HeaderScheme) {
  return ok('entries:add', await api.entries.add({ vaultId, name, secret, ...(scheme ? { scheme } : {}) }));
}

describe('vaults channels', () => {
  it('list shows the first-run default vault, unlocked, with metadata only', async () => {
    const vaults = ok('vaults:list', await api.vaults.list());
    expect(vaults).toEqual([
      {
        id: expect.any(String),
        name: 'Personal',
        createdAt: expect.any(String),
        entryCount: 0,
        locked: false,
        keyMissing: false,
      },
    ]);
  });

  it('create, rename, delete; duplicate names CONFLICT; unknown ids NOT_FOUND; bad names INVALID_INPUT', async () => {
    const work = ok('vaults:create', await api.vaults.create({ name: '  Work  ' }));
    expect(work).toMatchObject({ name: 'Work', entryCount: 0, locked: false, keyMissing: false });
    expect(t.keychain.entries.has(vaultAccount(work.id))).toBe(true);
    fails(await api.vaults.create({ name: 'work' }), 'CONFLICT');
    fails(await api.vaults.create({ name: '' }), 'INVALID_INPUT');
    fails(await api.vaults.create({ name: 'x'.repeat(101) }), 'INVALID_INPUT');

    expect(ok('vaults:rename', await api.vaults.rename({ vaultId: work.id, name: 'Team' })).name).toBe('Team');
    fails(await api.vaults.rename({ vaultId: work.id, name: 'Personal' }), 'CONFLICT');
    fails(await api.vaults.rename({ vaultId: crypto.randomUUID(), name: 'Other' }), 'NOT_FOUND');
    fails(await api.vaults.rename({ vaultId: 'not-an-id', name: 'Other' }), 'INVALID_INPUT');

    await addEntry(work.id, 'one');
    await addEntry(work.id, 'two');
    expect(ok('vaults:delete', await api.vaults.delete({ vaultId: work.id }))).toEqual({ deletedEntries: 2 });
    expect(t.keychain.entries.has(vaultAccount(work.id))).toBe(false); // its keychain item went with it
    expect(ok('vaults:list', await api.vaults.list()).map((v) => v.name)).toEqual(['Personal']);
    fails(await api.vaults.delete({ vaultId: work.id }), 'NOT_FOUND');
    fails(await api.entries.list({ vaultId: work.id }), 'NOT_FOUND');
  });

  it('lock one, lock all, unlock; reveal and secret edits answer LOCKED meanwhile', async () => {
    const a = await personal();
    const b = ok('vaults:create', await api.vaults.create({ name: 'B' }));
    const entry = await addEntry(b.id, 'k');
    expect(ok('vaults:lock', await api.vaults.lock({ vaultId: b.id }))).toBeNull();
    expect(ok('vaults:list', await api.vaults.list()).map((v) => v.locked)).toEqual([false, true]);
    fails(await api.entries.reveal({ entryId: entry.id }), 'LOCKED');
    fails(await api.entries.copy({ entryId: entry.id, format: 'value' }), 'LOCKED');
    fails(await api.entries.update({ entryId: entry.id, secret: 'new-value' }), 'LOCKED', 'new-value');
    fails(await api.entries.add({ vaultId: b.id, name: 'n', secret: SECRET }), 'LOCKED', SECRET);
    fails(await api.vaults.export({ vaultId: b.id, passphrase: PASSPHRASE }), 'LOCKED', PASSPHRASE);
    // Metadata stays usable while locked.
    expect(ok('entries:list', await api.entries.list({ vaultId: b.id })).map((e) => e.name)).toEqual(['k']);
    ok('entries:update', await api.entries.update({ entryId: entry.id, tags: ['prod'] }));

    ok('vaults:lock', await api.vaults.lock({}));
    expect(ok('vaults:list', await api.vaults.list()).map((v) => v.locked)).toEqual([true, true]);
    expect(ok('vaults:unlock', await api.vaults.unlock({ vaultId: a.id })).locked).toBe(false);
    expect(ok('vaults:unlock', await api.vaults.unlock({ vaultId: b.id })).locked).toBe(false);
    expect(ok('entries:reveal', await api.entries.reveal({ entryId: entry.id }))).toEqual({
      secret: SECRET,
      version: 1,
    });
    fails(await api.vaults.unlock({ vaultId: crypto.randomUUID() }), 'NOT_FOUND');
  });

  it('unlock with the keychain unreachable: KEYCHAIN_UNAVAILABLE saying what to do; create too', async () => {
    const a = await personal();
    ok('vaults:lock', await api.vaults.lock({}));
    t.keychain.unavailable = true;
    expect(fails(await api.vaults.unlock({ vaultId: a.id }), 'KEYCHAIN_UNAVAILABLE')).toMatch(/GNOME Keyring/);
    fails(await api.vaults.create({ name: 'New' }), 'KEYCHAIN_UNAVAILABLE');
    expect(ok('vaults:list', await api.vaults.list())).toMatchObject([{ name: 'Personal', locked: true }]);
  });

  it('a data key gone from the keychain: unlock KEYCHAIN_DATA_MISSING, then the list shows keyMissing', async () => {
    const a = await personal();
    await addEntry(a.id, 'kept');
    ok('vaults:lock', await api.vaults.lock({}));
    const key = t.keychain.entries.get(vaultAccount(a.id))!;
    t.keychain.entries.delete(vaultAccount(a.id));
    expect(ok('vaults:list', await api.vaults.list())[0]!.keyMissing).toBe(false); // not known before an unlock
    const message = fails(await api.vaults.unlock({ vaultId: a.id }), 'KEYCHAIN_DATA_MISSING');
    expect(message).toMatch(/"Personal"/);
    expect(message).toMatch(/importing an export/);
    expect(ok('vaults:list', await api.vaults.list())).toMatchObject([
      { name: 'Personal', locked: true, keyMissing: true, entryCount: 1 },
    ]);
    expect(t.keychain.entries.has(vaultAccount(a.id))).toBe(false); // never replaced by a new key
    // The key back (restored keychain): unlock works and keyMissing clears; nothing was lost.
    t.keychain.entries.set(vaultAccount(a.id), key);
    ok('vaults:unlock', await api.vaults.unlock({ vaultId: a.id }));
    expect(ok('vaults:list', await api.vaults.list())[0]).toMatchObject({ keyMissing: false, locked: false });
    const [entry] = ok('entries:list', await api.entries.list({ vaultId: a.id }));
    expect(ok('entries:reveal', await api.entries.reveal({ entryId: entry!.id })).secret).toBe(SECRET);
  });

  it('settings: defaults, partial update, out-of-range values refused', async () => {
    expect(ok('vaults:settings', await api.vaults.settings())).toEqual({
      autoLockMinutes: 10,
      lockOnScreenLock: true,
      clipboardClearSeconds: 30,
    });
    expect(ok('vaults:updateSettings', await api.vaults.updateSettings({ clipboardClearSeconds: 12 }))).toEqual({
      autoLockMinutes: 10,
      lockOnScreenLock: true,
      clipboardClearSeconds: 12,
    });
    fails(await api.vaults.updateSettings({ clipboardClearSeconds: 4 }), 'INVALID_INPUT');
    fails(await api.vaults.updateSettings({ autoLockMinutes: 1441 }), 'INVALID_INPUT');
    fails(await api.vaults.updateSettings({ autoLockMinutes: -1 }), 'INVALID_INPUT');
    expect(ok('vaults:settings', await api.vaults.settings()).clipboardClearSeconds).toBe(12);
  });
});

describe('entries channels', () => {
  it('add splits a pasted header, the preset fills the scheme; list, update with history, delete', async () => {
    const a = await personal();
    const pasted = ok(
      'entries:add',
      await api.entries.add({
        vaultId: a.id,
        name: 'Extracta',
        preset: 'pyas',
        secret: `Authorization: Bearer ${SECRET}`,
      }),
    );
    expect(pasted).toMatchObject({ kind: 'external', service: 'Pyas', scheme: { kind: 'bearer' }, secretVersion: 1 });
    expect(JSON.stringify(pasted)).not.toContain(SECRET);
    const preset = ok(
      'entries:add',
      await api.entries.add({ vaultId: a.id, name: 'atf', preset: 'atfinity', secret: 'atf_1' }),
    );
    expect(preset.scheme).toEqual({ kind: 'api-key' });
    const listed = ok('entries:list', await api.entries.list({ vaultId: a.id }));
    expect(listed.map((e) => e.name)).toEqual(['Extracta', 'atf']);
    expect(JSON.stringify(listed)).not.toContain(SECRET);

    const updated = ok(
      'entries:update',
      await api.entries.update({ entryId: pasted.id, secret: 'second-value', notes: 'rotated by hand' }),
    );
    expect(updated).toMatchObject({ secretVersion: 2, notes: 'rotated by hand', history: [{ version: 1 }] });
    expect(ok('entries:reveal', await api.entries.reveal({ entryId: pasted.id }))).toEqual({
      secret: 'second-value',
      version: 2,
    });
    expect(ok('entries:reveal', await api.entries.reveal({ entryId: pasted.id, version: 1 }))).toEqual({
      secret: SECRET,
      version: 1,
    });
    fails(await api.entries.reveal({ entryId: pasted.id, version: 7 }), 'NOT_FOUND');

    expect(ok('entries:delete', await api.entries.delete({ entryId: pasted.id }))).toBeNull();
    fails(await api.entries.delete({ entryId: pasted.id }), 'NOT_FOUND');
    fails(await api.entries.reveal({ entryId: pasted.id }), 'NOT_FOUND');
    fails(await api.entries.update({ entryId: pasted.id, name: 'x' }), 'NOT_FOUND');
    fails(await api.entries.copy({ entryId: pasted.id, format: 'value' }), 'NOT_FOUND');
    fails(await api.entries.add({ vaultId: crypto.randomUUID(), name: 'n', secret: SECRET }), 'NOT_FOUND', SECRET);
  });

  it('INVALID_INPUT messages never contain the submitted secret', async () => {
    const a = await personal();
    const bad: Array<Parameters<KeyhavenApi['entries']['add']>[0]> = [
      { vaultId: a.id, name: '', secret: SECRET },
      { vaultId: a.id, name: 'n', secret: `${SECRET}${'x'.repeat(16_384)}` },
      { vaultId: a.id, name: 'n', secret: '   ' },
      { vaultId: a.id, name: 'n', secret: SECRET, baseUrl: `ftp://${SECRET}` },
      { vaultId: a.id, name: 'n', secret: SECRET, allowedHosts: [`${SECRET}/path`] },
      { vaultId: a.id, name: 'n', secret: SECRET, scheme: { kind: 'header', name: `${SECRET} with spaces` } },
      { vaultId: a.id, name: SECRET.repeat(10), secret: SECRET },
      { vaultId: a.id, name: 'n', secret: SECRET, expiresAt: SECRET },
      { vaultId: `${SECRET}`, name: 'n', secret: SECRET },
    ];
    for (const input of bad) fails(await api.entries.add(input), 'INVALID_INPUT', SECRET);
    const entry = await addEntry(a.id, 'n');
    fails(await api.entries.update({ entryId: entry.id, secret: SECRET, baseUrl: SECRET }), 'INVALID_INPUT', SECRET);
    fails(await api.entries.update({ entryId: entry.id, secret: 'y'.repeat(20_000) }), 'INVALID_INPUT', 'yyyyyyyy');
    expect(ok('entries:list', await api.entries.list({ vaultId: a.id }))).toHaveLength(1);
    expect(logged).toEqual([]);
  });

  it('copy puts the value or the header line on the clipboard in main, for all five schemes', async () => {
    const a = await personal();
    const K = 'k3y_Abc.123-XYZ~9';
    const cases: Array<[HeaderScheme, string]> = [
      [{ kind: 'x-api-key' }, `x-api-key: ${K}`],
      [{ kind: 'api-key' }, `Authorization: Api-Key ${K}`],
      [{ kind: 'bearer' }, `Authorization: Bearer ${K}`],
      [{ kind: 'header', name: 'X-Token' }, `X-Token: ${K}`],
      [{ kind: 'query', name: 'api_key' }, `api_key=${K}`],
    ];
    for (const [scheme, line] of cases) {
      const entry = await addEntry(a.id, `entry ${scheme.kind}`, K, scheme);
      expect(entry.scheme).toEqual(scheme);
      expect(ok('entries:copy', await api.entries.copy({ entryId: entry.id, format: 'value' }))).toEqual({
        clearsAfterSeconds: 30,
      });
      expect(t.platform.text).toBe(K);
      ok('entries:copy', await api.entries.copy({ entryId: entry.id, format: 'header' }));
      expect(t.platform.text).toBe(line);
    }
    expect(t.platform.writes).toHaveLength(10);
    fails(await api.entries.copy({ entryId: crypto.randomUUID(), format: 'value' }), 'NOT_FOUND');
    // Nothing secret went back to the caller: the answer is the delay only.
    await t.platform.runTimers();
    expect(t.platform.text).toBe('');
  });

  it('a query-parameter copy encodes the key for a URL', async () => {
    const a = await personal();
    const entry = await addEntry(a.id, 'q', 'a b&c=d', { kind: 'query', name: 'key' });
    ok('entries:copy', await api.entries.copy({ entryId: entry.id, format: 'header' }));
    expect(t.platform.text).toBe('key=a%20b%26c%3Dd');
  });
});

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

describe('export → previewImport → import through the API', () => {
  it('round-trips a vault with the real scrypt cost; the passphrase and secrets never leak in answers', async () => {
    const a = await personal();
    const first = await addEntry(a.id, 'Pyas', SECRET, { kind: 'x-api-key' });
    ok('entries:update', await api.entries.update({ entryId: first.id, secret: `${SECRET}-v2` }));
    await addEntry(a.id, 'Extracta', 'extracta-value', { kind: 'bearer' });

    fails(await api.vaults.export({ vaultId: a.id, passphrase: 'password123' }), 'INVALID_INPUT', 'password123');
    fails(await api.vaults.export({ vaultId: crypto.randomUUID(), passphrase: PASSPHRASE }), 'NOT_FOUND', PASSPHRASE);
    fails(await api.vaults.export({ vaultId: a.id, passphrase: '' }), 'INVALID_INPUT');

    const exported = ok('vaults:export', await api.vaults.export({ vaultId: a.id, passphrase: PASSPHRASE }));
    expect(exported.entryCount).toBe(2);
    expect(exported.fileName).toMatch(/^keyhaven-personal-\d{4}-\d{2}-\d{2}\.khvault$/);
    expect(exported.contents.split('\n')[0]).toContain(`"N":${SCRYPT_N}`);
    for (const text of [SECRET, PASSPHRASE, 'extracta-value']) expect(exported.contents).not.toContain(text);

    const team = ok('vaults:create', await api.vaults.create({ name: 'Team' }));
    const wrong = 'Wrong horse battery staple 42';
    fails(
      await api.vaults.previewImport({ vaultId: team.id, contents: exported.contents, passphrase: wrong }),
      'INVALID_INPUT',
      wrong,
    );
    fails(
      await api.vaults.previewImport({ vaultId: team.id, contents: 'garbage', passphrase: PASSPHRASE }),
      'INVALID_INPUT',
      PASSPHRASE,
    );
    const preview = ok(
      'vaults:previewImport',
      await api.vaults.previewImport({ vaultId: team.id, contents: exported.contents, passphrase: PASSPHRASE }),
    );
    expect(preview).toMatchObject({ vaultName: 'Personal', entryCount: 2, conflicts: [] });
    expect(preview.entries.map((e) => e.name).sort()).toEqual(['Extracta', 'Pyas']);
    expect(JSON.stringify(preview)).not.toContain(SECRET);

    const summary = ok(
      'vaults:import',
      await api.vaults.import({ vaultId: team.id, contents: exported.contents, passphrase: PASSPHRASE, choices: {} }),
    );
    expect(summary).toEqual({ added: 2, replaced: 0, skipped: 0, keptBoth: 0 });
    const imported = ok('entries:list', await api.entries.list({ vaultId: team.id }));
    const pyas = imported.find((e) => e.name === 'Pyas')!;
    expect(pyas).toMatchObject({ secretVersion: 2, scheme: { kind: 'x-api-key' }, history: [{ version: 1 }] });
    expect(pyas.id).not.toBe(first.id); // an id already used in this installation gets a fresh one
    expect(ok('entries:reveal', await api.entries.reveal({ entryId: pyas.id })).secret).toBe(`${SECRET}-v2`);
    expect(ok('entries:reveal', await api.entries.reveal({ entryId: pyas.id, version: 1 })).secret).toBe(SECRET);

    // The same file again: both clash by name; keep both for one, the other (not listed) is skipped.
    const pyasImportedId = preview.entries.find((e) => e.name === 'Pyas')!.importedId;
    const again = ok(
      'vaults:import',
      await api.vaults.import({
        vaultId: team.id,
        contents: exported.contents,
        passphrase: PASSPHRASE,
        choices: { [pyasImportedId]: 'keepBoth' },
      }),
    );
    expect(again).toEqual({ added: 0, replaced: 0, skipped: 1, keptBoth: 1 });
    expect(
      ok('entries:list', await api.entries.list({ vaultId: team.id }))
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Extracta', 'Pyas', 'Pyas (imported)']);
    fails(
      await api.vaults.import({
        vaultId: crypto.randomUUID(),
        contents: exported.contents,
        passphrase: PASSPHRASE,
        choices: {},
      }),
      'NOT_FOUND',
      PASSPHRASE,
    );
    expect(logged).toEqual([]);
  }, 60_000);
});
