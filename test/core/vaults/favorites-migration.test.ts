// Favourites: `favorite` in every entry view, stored optional in vaults.json (absent = not starred);
// vaults.json v3 opens a v2 file (no such field) unchanged apart from the version, keeping a .v2.bak;
// an export from before favourites imports, and a star survives export → import.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeDocument, encodeDocument } from '../../../electron/core/storage/document-text';
import { openExport, sealExport } from '../../../electron/core/vaults/export-format';
import { VAULTS_FILE_NAME } from '../../../electron/core/vaults/vault-db';
import { VAULTS_SCHEMA_VERSION } from '../../../electron/core/vaults/vault-schema';
import { MemoryKeychain } from '../../support/memory-keychain';
import { allValues, type Fixture } from './entry-actions-fixture';
import { CANARY, filesContaining, openFixture } from './vault-fixture';

const fixtures: Fixture[] = [];
afterEach(async () => {
  for (const fx of fixtures.splice(0)) await fx.dispose();
});
const open = async () => {
  const fx = await openFixture(new MemoryKeychain());
  fixtures.push(fx);
  return fx;
};

const PASS = 'correct horse battery staple';
const FAST = { scryptN: 1024 };

async function workWithTwo(fx: Fixture) {
  const work = await fx.v.vaults.createVault('Work');
  const starred = await fx.v.entries.addEntry({ vaultId: work.id, name: 'Starred', secret: CANARY, favorite: true });
  const plain = await fx.v.entries.addEntry({ vaultId: work.id, name: 'Plain', secret: `${CANARY}-plain` });
  await fx.v.entries.updateEntry({ entryId: starred.id, secret: `${CANARY}-v2` });
  return { work, starred, plain };
}

describe('starring entries', () => {
  it('Add with favorite stars; without, not; update stars and unstars without a new key version; kept on reopen', async () => {
    const fx = await open();
    const { work, starred, plain } = await workWithTwo(fx);
    expect([starred.favorite, plain.favorite]).toEqual([true, false]);
    const updated = await fx.v.entries.updateEntry({ entryId: plain.id, favorite: true });
    expect(updated).toMatchObject({ favorite: true, secretVersion: 1 });
    await fx.v.entries.updateEntry({ entryId: starred.id, favorite: false });
    await fx.reopen();
    expect(fx.v.entries.listEntries(work.id).map((e) => [e.name, e.favorite])).toEqual([
      ['Starred', false],
      ['Plain', true],
    ]);
  });

  it('a starred entry stays starred when moved or copied to another vault', async () => {
    const fx = await open();
    const { starred } = await workWithTwo(fx);
    const team = await fx.v.vaults.createVault('Team');
    const copied = await fx.v.moves.transfer({ entryIds: [starred.id], toVaultId: team.id, mode: 'copy' });
    const moved = await fx.v.moves.transfer({ entryIds: [starred.id], toVaultId: team.id, mode: 'move' });
    expect([copied.entries[0]!.favorite, moved.entries[0]!.favorite]).toEqual([true, true]);
    expect(fx.v.entries.listEntries(team.id).map((e) => [e.name, e.favorite])).toEqual([
      ['Starred', true],
      ['Starred (2)', true],
    ]);
  });
});

describe('vaults.json from before favourites (v2)', () => {
  it('opens as v3 with every entry not starred, writes vaults.json.v2.bak, and the keys still open', async () => {
    const fx = await open();
    const { work, starred, plain } = await workWithTwo(fx);
    const values = [allValues(fx.v, starred.id), allValues(fx.v, plain.id)];
    await fx.v.db.compact();
    await fx.v.close();
    const file = join(fx.dir, VAULTS_FILE_NAME);
    // The v2 shape: the same document with schemaVersion 2 and no `favorite` on any entry.
    const doc = decodeDocument(await readFile(file, 'utf8')) as { entries: Record<string, unknown>[] };
    const v2 = { ...doc, schemaVersion: 2, entries: doc.entries.map(({ favorite: _f, ...entry }) => entry) };
    const v2Text = encodeDocument(v2);
    expect(v2Text).not.toContain('favorite');
    await writeFile(file, v2Text);

    await fx.reopen();
    expect(VAULTS_SCHEMA_VERSION).toBe(3);
    expect(fx.v.db.snapshot().schemaVersion).toBe(3);
    expect(fx.v.entries.listEntries(work.id).map((e) => [e.name, e.favorite])).toEqual([
      ['Starred', false],
      ['Plain', false],
    ]);
    expect(await readFile(`${file}.v2.bak`, 'utf8')).toBe(v2Text);
    expect(decodeDocument(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 3 });
    await fx.v.vaults.unlock(work.id);
    expect([allValues(fx.v, starred.id), allValues(fx.v, plain.id)]).toEqual(values);

    // Starring after the upgrade is stored.
    await fx.v.entries.updateEntry({ entryId: plain.id, favorite: true });
    await fx.reopen();
    expect(fx.v.entries.get(plain.id).favorite).toBe(true);
    expect(await filesContaining(fx.dir, CANARY)).toEqual([]);
  });
});

describe('export and import', () => {
  it('an export made before favourites existed imports, its entries not starred', async () => {
    const fx = await open();
    const { work, starred } = await workWithTwo(fx);
    const { file } = await fx.v.transfer.exportVault(work.id, PASS, FAST);
    // The same file as an older Keyhaven wrote it: no `favorite` in its entries.
    const { header, payload } = await openExport(file, PASS);
    const parsed = JSON.parse(payload) as { vaultName: string; entries: Record<string, unknown>[] };
    const old = { ...parsed, entries: parsed.entries.map(({ favorite: _f, ...entry }) => entry) };
    const oldPayload = JSON.stringify(old);
    expect(oldPayload).not.toContain('favorite');
    const oldFile = await sealExport(oldPayload, PASS, { ...FAST, now: new Date(header.exportedAt), entryCount: 2 });

    const target = await open();
    const into = await target.v.vaults.createVault('Imported');
    expect(await target.v.transfer.importInto(into.id, oldFile, PASS)).toEqual({
      added: 2,
      replaced: 0,
      skipped: 0,
      keptBoth: 0,
    });
    const imported = target.v.entries.listEntries(into.id);
    expect(imported.map((e) => [e.name, e.favorite])).toEqual([
      ['Starred', false],
      ['Plain', false],
    ]);
    expect(allValues(target.v, starred.id)).toEqual([`${CANARY}-v2`, CANARY]);
  });

  it('a starred entry is still starred after export → import into another folder', async () => {
    const fx = await open();
    const { work, starred, plain } = await workWithTwo(fx);
    const { file } = await fx.v.transfer.exportVault(work.id, PASS, FAST);
    const target = await open();
    const into = await target.v.vaults.createVault('Imported');
    await target.v.transfer.importInto(into.id, file, PASS);
    expect([target.v.entries.get(starred.id).favorite, target.v.entries.get(plain.id).favorite]).toEqual([true, false]);
    await target.reopen();
    expect(target.v.entries.get(starred.id).favorite).toBe(true);
  });
});
