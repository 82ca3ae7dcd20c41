import { randomBytes } from 'node:crypto';
import type * as FsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/channels';
import { MemoryKeychain } from '../../support/memory-keychain';
import { MemoryPlatform } from '../../support/memory-platform';
import { makeTempDir } from '../../support/temp-dir';
import {
  called,
  cleanups,
  cleanUpAfterEach,
  filesUnder,
  openTracked,
  recordingApi,
  search,
  value,
} from './canary-fixture';
import { written } from './canary-write-capture';

/**
 * The canary test (issue 4, DESIGN.md §8) at core level: known secrets enter through every path —
 * wizard save, paste, import, edit, rotate — every vault channel is exercised, the core is closed
 * (compaction), reopened (backups) and closed again; then every file of the data folder, every byte
 * the core wrote to any file on the way (temp files, journal lines later truncated), everything it
 * logged or printed and every error message the API answered are searched for each secret, in clear,
 * in base64 (all three alignments), base64url and hex: zero hits. The positive control proving the
 * search finds a secret written in any of those forms is in canary-search-controls.test.ts.
 */

vi.mock('node:fs/promises', async (importOriginal) =>
  (await import('./canary-write-capture')).capturingWrites(await importOriginal<typeof FsPromises>()),
);

cleanUpAfterEach();

describe('the canary: no secret in clear anywhere', () => {
  it('through every path and every vault channel, then close, reopen, close', async () => {
    const run = randomBytes(6).toString('hex');
    const secrets: Record<string, string> = {
      paste: `cnry_paste_${run}_Zq9`,
      import: `cnry_import_${run}_Wm4`,
      edit: `cnry_edit_${run}_Pk7`,
      passphrase: `Canary passphrase ${run} Xy!`,
      keyhavenPassphrase: `Canary unlock words ${run} Qv#`,
      keyhavenPassphrase2: `Canary changed words ${run} Rt%`,
    };
    written.chunks.length = 0;
    const printed: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void printed.push(args.map(String).join(' ')),
      );
    }
    const logged: string[] = [];
    const errors: string[] = [];
    const keychain = new MemoryKeychain();
    const platform = new MemoryPlatform();
    const dir = await makeTempDir('keyhaven-canary');
    cleanups.push(dir.remove);

    // A teammate's Keyhaven: the import canary exists only in their export file.
    const mateDir = await makeTempDir('keyhaven-canary-mate');
    cleanups.push(mateDir.remove);
    const mate = await openTracked(mateDir.path, new MemoryKeychain(), new MemoryPlatform(), logged);
    const mateApi = recordingApi(mate.core, errors, logged);
    const mateVault = value(await mateApi.vaults.list())[0]!;
    value(
      await mateApi.entries.add({ vaultId: mateVault.id, name: 'Shared', preset: 'cerby', secret: secrets.import! }),
    );
    const handOff = value(await mateApi.vaults.export({ vaultId: mateVault.id, passphrase: secrets.passphrase! }));
    await mate.close();

    let opened = await openTracked(dir.path, keychain, platform, logged);
    let api = recordingApi(opened.core, errors, logged);
    const personal = value(await api.vaults.list())[0]!;
    const team = value(await api.vaults.create({ name: 'Team' }));
    const inbox = value(await api.vaults.create({ name: 'Inbox' }));

    // 1. Wizard save: generate, Show/Copy on the store page, Save in vault (two vaults: Select vault).
    const app = value(await api.apps.create({ name: 'Cerby' }));
    const generated = value(
      await api.keys.generate({
        appId: app.id,
        name: 'CI key',
        expiration: { kind: 'preset', preset: '1y' },
        scopes: ['read:items'],
      }),
    );
    secrets.wizard = generated.plaintext;
    secrets.wizardSecretPart = generated.plaintext.split('.')[1]!; // the part after the public key id
    value(await api.keys.recordViewed({ id: generated.key.id, action: 'shown' }));
    value(await api.keys.copyPlaintext({ keyId: generated.key.id }));
    const wizardEntry = value(await api.keys.saveInVault({ keyId: generated.key.id, vaultId: team.id }));

    // 2. Paste, with the header it was copied with.
    const pasted = value(
      await api.entries.add({
        vaultId: personal.id,
        name: 'Extracta',
        preset: 'extracta',
        secret: `Authorization: Bearer ${secrets.paste}`,
        tags: ['prod'],
        baseUrl: 'https://api.extracta.example',
        allowedHosts: ['api.extracta.example'],
      }),
    );

    // 3. Import: the teammate's file into Inbox; then our own Team vault exported and imported back.
    expect(
      value(
        await api.vaults.previewImport({
          vaultId: inbox.id,
          contents: handOff.contents,
          passphrase: secrets.passphrase!,
        }),
      ).entryCount,
    ).toBe(1);
    value(
      await api.vaults.import({
        vaultId: inbox.id,
        contents: handOff.contents,
        passphrase: secrets.passphrase!,
        choices: {},
      }),
    );
    const teamExport = value(await api.vaults.export({ vaultId: team.id, passphrase: secrets.passphrase! }));
    value(
      await api.vaults.import({
        vaultId: inbox.id,
        contents: teamExport.contents,
        passphrase: secrets.passphrase!,
        choices: {},
      }),
    );

    // 4. Edit: a new secret; the pasted one moves to history.
    value(await api.entries.update({ entryId: pasted.id, secret: secrets.edit!, notes: 'rotated by the vendor' }));

    // 5. Rotate the saved issued key: the vault entry gets the new key, the old stays in history.
    const rotated = value(await api.keys.rotate({ id: generated.key.id, grace: '24h' }));
    secrets.rotated = rotated.plaintext;
    secrets.rotatedSecretPart = rotated.plaintext.split('.')[1]!;
    // Team's entry and its imported copy in Inbox both hold the issued key: both are updated.
    expect(rotated.vaultUpdate).toEqual({ updatedEntries: 2, problem: null });

    // Every screen: lists, Show (every version), Copy and Copy as header, lock/unlock, settings, export.
    for (const vault of value(await api.vaults.list())) {
      for (const entry of value(await api.entries.list({ vaultId: vault.id }))) {
        value(await api.entries.reveal({ entryId: entry.id }));
        for (const old of entry.history) value(await api.entries.reveal({ entryId: entry.id, version: old.version }));
        value(await api.entries.copy({ entryId: entry.id, format: 'value' }));
        value(await api.entries.copy({ entryId: entry.id, format: 'header' }));
      }
    }
    expect(value(await api.entries.reveal({ entryId: wizardEntry.id })).secret).toBe(secrets.rotated);
    expect(value(await api.entries.reveal({ entryId: pasted.id, version: 1 })).secret).toBe(secrets.paste);
    value(await api.vaults.lock({ vaultId: team.id }));
    expect((await api.entries.reveal({ entryId: wizardEntry.id })).ok).toBe(false);
    value(await api.vaults.lock({}));
    for (const vault of [personal, team, inbox]) value(await api.vaults.unlock({ vaultId: vault.id }));
    value(await api.vaults.settings());
    value(await api.vaults.updateSettings({ clipboardClearSeconds: 15, autoLockMinutes: 5 }));
    // The Keyhaven passphrase: set, a wrong one refused, unlock with it, changed, then removed.
    value(await api.vaults.setPassphrase({ passphrase: secrets.keyhavenPassphrase! }));
    value(await api.vaults.lock({}));
    expect(value(await api.vaults.lockStatus())).toMatchObject({ protection: 'passphrase', unlockedVaults: 0 });
    await api.vaults.unlock({ vaultId: team.id, passphrase: `${secrets.keyhavenPassphrase}?` });
    await api.vaults.unlock({ vaultId: team.id });
    for (const vault of [personal, team, inbox]) {
      value(await api.vaults.unlock({ vaultId: vault.id, passphrase: secrets.keyhavenPassphrase! }));
    }
    await api.vaults.setPassphrase({ passphrase: secrets.keyhavenPassphrase2!, current: `${secrets.edit}` });
    value(
      await api.vaults.setPassphrase({
        passphrase: secrets.keyhavenPassphrase2!,
        current: secrets.keyhavenPassphrase!,
      }),
    );
    value(await api.vaults.removePassphrase({ current: secrets.keyhavenPassphrase2! }));
    value(await api.vaults.rename({ vaultId: inbox.id, name: 'Inbox (imported)' }));
    value(await api.vaults.export({ vaultId: personal.id, entryIds: [pasted.id], passphrase: secrets.passphrase! }));
    // Failures that see a secret or the passphrase on their way in.
    await api.vaults.previewImport({
      vaultId: inbox.id,
      contents: handOff.contents,
      passphrase: `${secrets.passphrase}!`,
    });
    await api.vaults.import({
      vaultId: inbox.id,
      contents: `${teamExport.contents}x`,
      passphrase: secrets.passphrase!,
      choices: {},
    });
    await api.vaults.export({ vaultId: personal.id, passphrase: 'weak' });
    await api.entries.add({ vaultId: personal.id, name: '', secret: `x-api-key: ${secrets.paste}` });
    await api.entries.add({
      vaultId: personal.id,
      name: 'n',
      secret: secrets.paste!,
      baseUrl: `ftp://${secrets.paste}`,
    });
    await api.entries.update({ entryId: pasted.id, secret: secrets.edit!, expiresAt: secrets.edit! });
    await api.keys.saveInVault({ keyId: rotated.key.id, vaultId: team.id }); // CONFLICT: already saved
    // The key checks of the local test API, in all three schemes, and a look-alike that is no key.
    for (const [scheme, headerValue] of [
      ['x-api-key', secrets.rotated],
      ['api-key', `Api-Key ${secrets.rotated}`],
      ['bearer', `Bearer ${secrets.wizard}`],
      ['bearer', `Bearer ${secrets.paste}`],
    ] as const) {
      await api.keys.verify({ headerValue: headerValue!, scheme });
    }
    // Search (Ctrl/⌘+K) finds entries by name, and a key pasted into it as the query leaves no trace.
    expect(value(await api.search.everything({ query: 'Inbox' })).results.length).toBeGreaterThan(0);
    for (const secret of Object.values(secrets)) value(await api.search.everything({ query: secret.slice(0, 200) }));
    await api.search.everything({ query: `${secrets.paste}${'x'.repeat(200)}` });
    value(await api.keys.list({ appId: app.id }));
    value(await api.activity.list({}));
    value(await api.activity.checkChain());
    value(await api.system.status());
    value(await api.keys.discardPlaintext({ keyId: rotated.key.id }));
    // Delete one imported copy; screen lock, the auto-lock tick and the clipboard timer fire.
    const inboxEntries = value(await api.entries.list({ vaultId: inbox.id }));
    const deletedId = inboxEntries.at(-1)!.id;
    value(await api.entries.delete({ entryId: deletedId }));
    // Undo puts the kept sealed record back; delete it again for good.
    value(await api.entries.restore({ entryId: deletedId }));
    value(await api.entries.delete({ entryId: deletedId }));
    // Issue 14's entry actions: copy and move between vaults (re-sealed under the other vault's key),
    // bulk tags, a previous version restored and copied, a bulk delete and its Undo.
    const moved = value(await api.entries.transfer({ entryIds: [pasted.id], toVaultId: inbox.id, mode: 'copy' }));
    const copyId = moved.entries[0]!.id;
    value(await api.entries.transfer({ entryIds: [copyId], toVaultId: team.id, mode: 'move' }));
    value(await api.entries.tag({ entryIds: [copyId, pasted.id], add: ['ops'], remove: [] }));
    value(await api.entries.copy({ entryId: copyId, format: 'header', version: 1 }));
    value(await api.entries.restoreVersion({ entryId: copyId, version: 1 }));
    await api.entries.restoreVersion({ entryId: copyId, version: 99 });
    value(await api.entries.deleteMany({ entryIds: [copyId] }));
    expect(value(await api.entries.restoreMany({ entryIds: [copyId] }))).toHaveLength(1);
    value(await api.entries.deleteMany({ entryIds: [copyId] }));
    const scratch = value(await api.vaults.create({ name: 'Scratch' }));
    value(await api.entries.add({ vaultId: scratch.id, name: 'Copy', secret: `x-api-key: ${secrets.paste}` }));
    expect(value(await api.vaults.delete({ vaultId: scratch.id }))).toEqual({ deletedEntries: 1 });
    platform.emit('lock-screen');
    platform.idle = 3600;
    await platform.runTimers();
    expect(platform.text).toBe('');
    expect(errors.length).toBeGreaterThanOrEqual(8);

    // Mid-run, with journals and no compaction yet: nothing.
    const places = () => ({
      dirs: [dir.path, mateDir.path],
      texts: { logged, printed, errors, keychain: [...keychain.entries.values()] },
      blobs: { written: written.chunks },
    });
    expect(await search(secrets, places())).toEqual([]);

    // Close (compaction), reopen (backups of the data files), prove the secrets are all still there
    // (so the search is not passing on lost data), close again.
    await opened.close();
    expect(await search(secrets, places())).toEqual([]);
    opened = await openTracked(dir.path, keychain, platform, logged);
    api = recordingApi(opened.core, errors, logged);
    for (const vault of [personal, team, inbox]) value(await api.vaults.unlock({ vaultId: vault.id }));
    const everything = new Set<string>();
    for (const vault of value(await api.vaults.list())) {
      for (const entry of value(await api.entries.list({ vaultId: vault.id }))) {
        everything.add(value(await api.entries.reveal({ entryId: entry.id })).secret);
        for (const old of entry.history)
          everything.add(value(await api.entries.reveal({ entryId: entry.id, version: old.version })).secret);
      }
    }
    for (const label of ['paste', 'import', 'edit', 'wizard', 'rotated']) expect(everything).toContain(secrets[label]);
    await opened.close();
    const files = await filesUnder(dir.path);
    expect(files.some((file) => file.includes(`${join(dir.path, 'backups')}`))).toBe(true);
    expect(files.some((file) => file.endsWith('vaults.json'))).toBe(true);
    expect(written.chunks.length).toBeGreaterThan(50); // the write capture saw the core's writes

    const hits = await search(secrets, places());
    expect(hits).toEqual([]);
    // Every vault and entry channel, and every key channel that holds or moves a plaintext, was used.
    const vaultChannels = CHANNELS.filter((c) => /^(vaults|entries):/.test(c));
    expect(vaultChannels.length).toBeGreaterThanOrEqual(17);
    for (const channel of [
      ...vaultChannels,
      'keys:generate',
      'keys:saveInVault',
      'keys:copyPlaintext',
      'keys:discardPlaintext',
      'keys:rotate',
      'keys:verify',
    ] as const) {
      expect(called, channel).toContain(channel);
    }
  }, 120_000);
});
