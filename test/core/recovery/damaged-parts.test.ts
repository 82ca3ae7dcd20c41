import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/api/handlers';
import type { Core } from '../../../electron/core/core';
import { hostOf } from '../../../electron/core/core-host';
import { consoleRequestSchema } from '../../../shared/console/request';
import { createInProcessApi } from '../../support/in-process-api';
import { bytesOf, LIVED_SECRET, livedFolder, type LivedFolder } from '../../support/lived-folder';

const DAMAGED = '{ "schemaVersion": 1, "vaults": [';

describe('a damaged vaults.json or console.json leaves the rest of Keyhaven working', () => {
  let folder: LivedFolder;
  let core: Core | null = null;
  beforeEach(async () => {
    folder = await livedFolder();
  });
  afterEach(async () => {
    await core?.close();
    core = null;
    await folder.remove();
  });

  it('vaults.json: issuing, verifying and the console work; every vault request says why not', async () => {
    await folder.damage('vaults.json', DAMAGED);
    core = await folder.open();
    const api = createInProcessApi(createHandlers(hostOf(core)));

    const status = await api.system.status();
    expect(status).toMatchObject({
      ok: true,
      value: {
        dataProblems: [
          {
            part: 'vaults',
            kind: 'damaged',
            file: join(folder.dataDir, 'vaults.json'),
            summary: 'vaults.json is damaged (it is not valid JSON; it may have been truncated).',
            backup: { kind: 'snapshot' },
            actions: ['restoreBackup', 'startEmpty'],
          },
        ],
      },
    });

    const [app] = core.apps.list();
    const generated = await api.keys.generate({
      appId: app!.id,
      name: 'CI',
      expiration: { kind: 'never' },
      scopes: [],
      noScopes: true,
    });
    if (!generated.ok) throw new Error(generated.error.message);
    expect(await core.keys.verify(`Bearer ${generated.value.plaintext}`, 'bearer')).toMatchObject({ code: 'VALID' });
    const rotated = await api.keys.rotate({ id: generated.value.key.id, grace: 'immediately' });
    expect(rotated).toMatchObject({ ok: true, value: { vaultUpdate: { updatedEntries: 0 } } });
    if (rotated.ok)
      expect(rotated.value.vaultUpdate.problem).toMatch(/^Your vaults are unavailable \(vaults\.json is damaged/);
    expect(await api.console.collections()).toMatchObject({ ok: true, value: { saved: [{ name: 'Who am I' }] } });

    for (const result of [await api.vaults.list(), await api.entries.list({ vaultId: crypto.randomUUID() })]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_CORRUPT' } });
      if (!result.ok) {
        expect(result.error.message).toBe(
          'Your vaults are unavailable: vaults.json is damaged (it is not valid JSON; it may have been truncated). ' +
            'Keyhaven offers to restore its backup or to start with no vaults.',
        );
      }
    }
    // A console request using a vault entry is refused for the same reason, and recorded as such.
    const sent = await api.console.sendRequest({
      requestId: crypto.randomUUID(),
      request: consoleRequestSchema.parse({
        method: 'GET',
        url: 'http://127.0.0.1:9/',
        auth: { kind: 'entry', entryId: crypto.randomUUID(), scheme: { kind: 'bearer' } },
      }),
    });
    expect(sent).toMatchObject({ ok: false, error: { code: 'STORAGE_CORRUPT' } });
    // Nothing was written over the damaged file.
    expect(await bytesOf(join(folder.dataDir, 'vaults.json'))).toBe(DAMAGED);
  });

  it('vaults.json: Restore the backup keeps the damaged file beside it and brings the entries back', async () => {
    const file = await folder.damage('vaults.json', DAMAGED);
    core = await folder.open();
    const api = createInProcessApi(createHandlers(hostOf(core)));
    const restored = await api.recovery.restoreBackup({ part: 'vaults' });
    if (!restored.ok) throw new Error(restored.error.message);
    expect(restored.value.status.dataProblems).toEqual([]);
    expect(restored.value.keptAs).toHaveLength(1);
    expect(restored.value.keptAs[0]).toMatch(/vaults\.json\.damaged-\d{8}-\d{6}$/);
    expect(await bytesOf(restored.value.keptAs[0]!)).toBe(DAMAGED);
    expect(existsSync(`${file}.bak`)).toBe(true);

    const vaults = await api.vaults.list();
    expect(vaults).toMatchObject({ ok: true, value: [{ name: 'Personal', entryCount: 1 }] });
    const [personal] = vaults.ok ? vaults.value : [];
    await api.vaults.unlock({ vaultId: personal!.id });
    const entries = await api.entries.list({ vaultId: personal!.id });
    const [entry] = entries.ok ? entries.value : [];
    expect(await api.entries.reveal({ entryId: entry!.id })).toMatchObject({
      ok: true,
      value: { secret: LIVED_SECRET },
    });
    // Once open, there is nothing left to restore.
    expect(await api.recovery.restoreBackup({ part: 'vaults' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('vaults.json: Start with no vaults sets the file aside and opens as on a first run', async () => {
    await folder.damage('vaults.json', DAMAGED);
    core = await folder.open();
    const api = createInProcessApi(createHandlers(hostOf(core)));
    const started = await api.recovery.startEmpty({ part: 'vaults' });
    if (!started.ok) throw new Error(started.error.message);
    expect(await bytesOf(started.value.keptAs[0]!)).toBe(DAMAGED);
    expect(await api.vaults.list()).toMatchObject({ ok: true, value: [{ name: 'Personal', entryCount: 0 }] });
    // The key store never starts empty: the contract refuses to ask.
    expect(await api.recovery.startEmpty({ part: 'keys' as 'vaults' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('console.json: vaults keep working; Restore the backup brings saved requests back', async () => {
    await folder.damage(
      'console.json',
      '{"schemaVersion":2,"journalSeq":3,"history":[],"folders":[],"saved":[{"id":1}],"environments":[],"activeEnvironmentId":null}',
    );
    core = await folder.open();
    const api = createInProcessApi(createHandlers(hostOf(core)));
    expect(await api.vaults.list()).toMatchObject({ ok: true, value: [{ name: 'Personal', entryCount: 1 }] });
    const refused = await api.console.collections();
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE_CORRUPT' } });
    if (!refused.ok)
      expect(refused.error.message).toMatch(
        /^The console's history and saved requests are unavailable: console\.json does not have the shape/,
      );

    const restored = await api.recovery.restoreBackup({ part: 'console' });
    expect(restored).toMatchObject({ ok: true, value: { status: { dataProblems: [] } } });
    expect(await api.console.collections()).toMatchObject({ ok: true, value: { saved: [{ name: 'Who am I' }] } });
  });

  it('a damaged change journal: the backup is the last full save, and only the journal is set aside', async () => {
    core = await folder.open();
    const [personal] = core.vaults.vaults.listVaults();
    await core.vaults.vaults.renameVault(personal!.id, 'Team');
    await core.vaults.vaults.renameVault(personal!.id, 'Team two');
    await core.vaults.vaults.renameVault(personal!.id, 'Team three');
    // Leave the journal as a crash would (no compaction), then flip a byte of its middle line.
    const journal = join(folder.dataDir, 'vaults.json.journal');
    const lines = (await readFile(journal, 'utf8')).split('\n');
    lines[1] = lines[1]!.replace('Team two', 'Team tw0');
    const snapshotBefore = await bytesOf(join(folder.dataDir, 'vaults.json'));
    const damagedJournal = lines.join('\n');
    const { default: fs } = await import('node:fs');
    fs.writeFileSync(journal, damagedJournal);
    // Closing would compact; drop the core without closing, as a crash does.
    core = null;

    const reopened = await folder.open();
    core = reopened;
    const [problem] = reopened.recovery.problems();
    expect(problem).toMatchObject({ part: 'vaults', file: journal, backup: { kind: 'compacted' } });
    expect(problem?.summary).toBe('The change journal vaults.json.journal is damaged at line 2.');
    const keptAs = await reopened.recovery.restoreBackup('vaults');
    expect(keptAs).toEqual([expect.stringMatching(/vaults\.json\.journal\.damaged-/)]);
    expect(await bytesOf(keptAs[0]!)).toBe(damagedJournal);
    expect(await bytesOf(join(folder.dataDir, 'vaults.json'))).toBe(snapshotBefore);
    expect(reopened.vaults.vaults.listVaults()).toMatchObject([{ name: 'Personal' }]);
  });

  it('a vaults.json from a newer Keyhaven is left alone, with nothing offered but the explanation', async () => {
    const newer = '{"schemaVersion":99,"journalSeq":0}';
    await folder.damage('vaults.json', newer);
    core = await folder.open();
    expect(core.recovery.problems()).toMatchObject([{ part: 'vaults', kind: 'newer', backup: null, actions: [] }]);
    const api = createInProcessApi(createHandlers(hostOf(core)));
    expect(await api.vaults.list()).toMatchObject({ ok: false, error: { code: 'STORAGE_NEWER_VERSION' } });
    expect(await bytesOf(join(folder.dataDir, 'vaults.json'))).toBe(newer);
    expect((await readdir(folder.dataDir)).filter((name) => name.includes('damaged'))).toEqual([]);
  });

  it('without any backup that opens, only Start with no vaults is offered', async () => {
    for (const name of ['vaults.json.bak']) await writeFile(join(folder.dataDir, name), 'not json');
    for (const name of await readdir(join(folder.dataDir, 'backups'))) {
      if (name.startsWith('vaults-')) await writeFile(join(folder.dataDir, 'backups', name), '{"schemaVersion":1}');
    }
    await folder.damage('vaults.json', DAMAGED);
    core = await folder.open();
    expect(core.recovery.problems()).toMatchObject([{ part: 'vaults', backup: null, actions: ['startEmpty'] }]);
    await expect(core.recovery.restoreBackup('vaults')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
