/**
 * The document side of every data file (lowdb's Low over DurableJsonFile, the loader): defaults,
 * versions, migrations, validation, backups/ rotation and temp-file clean-up, through the journaled
 * store that keyhaven.json, vaults.json and console.json all use.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournaledStore } from '../../../electron/core/storage';
import { deadPid } from './dead-pid';
import { adding, jOptions, type JDoc } from './journal-fixture';
import { rejection } from './store-fixture';
import { useTempDir } from './temp-dir';
import { decodeDocument } from '../../../electron/core/storage/document-text';

const temp = useTempDir();

describe('a data document', () => {
  it('starts from defaults when the file is missing and writes only on the first commit, 0600 in a 0700 folder', async () => {
    const dir = join(temp.dir(), 'data');
    const file = join(dir, 'keyhaven.json');
    const store = await openJournaledStore(jOptions(file));
    expect(store.snapshot()).toEqual({ schemaVersion: 2, journalSeq: 0, items: [] });
    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
    await store.commit(adding('first'));
    await store.close();
    expect(decodeDocument(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 2, journalSeq: 1, items: ['first'] });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('refuses a file from a newer version and leaves it untouched', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const content = JSON.stringify({ schemaVersion: 3, journalSeq: 0, items: [], newField: true });
    await writeFile(file, content);
    const error = await rejection(openJournaledStore(jOptions(file)));
    expect(error.code).toBe('NEWER_VERSION');
    expect(error.message).toContain('data version 3; this one understands up to 2');
    expect(await readFile(file, 'utf8')).toBe(content);
    expect(await readdir(temp.dir())).toEqual(['keyhaven.json']);
  });

  it('reports a failing migration as CORRUPT, refuses one it has no step for, and leaves the file as it was', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const original = JSON.stringify({ schemaVersion: 1, journalSeq: 0, items: 'not-a-list' });
    await writeFile(file, original);
    const migrations = { 1: (old: { items: string[] }) => ({ ...old, items: old.items.map((item) => item) }) };
    const error = await rejection(openJournaledStore(jOptions(file, { migrations })));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain('could not be upgraded from data version 1 to 2');
    expect(await readFile(file, 'utf8')).toBe(original);
    await expect(openJournaledStore(jOptions(file))).rejects.toThrow('No migration is registered from schemaVersion 1');
  });

  it('turns anything that is not a document of its shape into CORRUPT, quoting nothing of it', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    for (const text of [
      '{"schemaVersion":2,"journalSeq":0,"items":[42]}',
      '{"items":[]}',
      '[1,2]',
      '0',
      'false',
      '""',
      'null',
      '',
    ]) {
      await writeFile(file, text);
      const error = await rejection(openJournaledStore(jOptions(file)));
      expect(error.code, text).toBe('CORRUPT');
      expect(error.message).toContain(`Keyhaven's data file ${file}`);
      expect(error.message).not.toContain('42');
      expect(await readFile(file, 'utf8')).toBe(text);
    }
  });

  it('keeps the newest five copies in backups/ and skips one identical to the newest', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const at = (second: number) => () => new Date(Date.UTC(2026, 10, 1, 12, 0, second));
    for (let run = 0; run < 8; run++) {
      const store = await openJournaledStore(jOptions(file, { now: at(run) }));
      await store.commit(adding(`run-${run}`));
      await store.close();
    }
    await (await openJournaledStore(jOptions(file, { now: at(30) }))).close(); // has run 7's commit: copied
    await (await openJournaledStore(jOptions(file, { now: at(40) }))).close(); // unchanged since: skipped
    const backups = (await readdir(join(temp.dir(), 'backups'))).sort();
    expect(backups).toEqual(['04', '05', '06', '07', '30'].map((s) => `keyhaven-20261101-1200${s}.json`));
    const copy = async (name: string) =>
      decodeDocument(await readFile(join(temp.dir(), 'backups', name), 'utf8')) as JDoc;
    expect((await copy('keyhaven-20261101-120007.json')).items).toHaveLength(7);
    expect((await copy('keyhaven-20261101-120030.json')).items).toHaveLength(8);
    for (const name of backups) expect((await stat(join(temp.dir(), 'backups', name))).mode & 0o777).toBe(0o600);
  });

  it('removes temp files left by a dead writer when opening, and only those', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    await writeFile(file, JSON.stringify({ schemaVersion: 2, journalSeq: 0, items: [] }));
    const orphan = `keyhaven.json.${await deadPid()}.0123456789ab.tmp`;
    const live = `keyhaven.json.${process.pid}.0123456789ab.tmp`;
    await mkdir(join(temp.dir(), 'other'));
    await writeFile(join(temp.dir(), orphan), '{');
    await writeFile(join(temp.dir(), live), '{');
    await (await openJournaledStore(jOptions(file))).close();
    const names = await readdir(temp.dir());
    expect(names).not.toContain(orphan);
    expect(names).toContain(live);
  });
});
