import { describe, expect, it } from 'vitest';
import { SCRYPT_N } from '../../../electron/core/vaults/export-format';
import {
  addEntry,
  api,
  fails,
  logged,
  ok,
  openApiForEachTest,
  PASSPHRASE,
  personal,
  SECRET,
} from './vault-channels-fixture';

openApiForEachTest();

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
