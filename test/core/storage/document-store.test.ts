import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDocumentStore } from '../../../electron/core/storage';
import { deadPid } from './dead-pid';
import { options, rejection, type Doc } from './store-fixture';
import { useTempDir } from './temp-dir';

const temp = useTempDir();

describe('openDocumentStore', () => {
  it('starts from defaults when the file is missing and writes only on the first update', async () => {
    const dir = join(temp.dir(), 'data');
    const file = join(dir, 'keyhaven.json');
    const store = await openDocumentStore(options(file));
    expect(store.snapshot()).toEqual({ schemaVersion: 2, items: [] });
    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });

    expect(await store.update((d) => d.items.push('first'))).toBe(1);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 2, items: ['first'] });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await readdir(dir)).sort()).toEqual(['keyhaven.json']);
    await store.close();
  });

  it('refuses a file from a newer version and leaves it untouched', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const content = JSON.stringify({ schemaVersion: 3, items: [], newField: true });
    await writeFile(file, content);
    const error = await rejection(openDocumentStore(options(file)));
    expect(error.code).toBe('NEWER_VERSION');
    expect(error.message).toContain(file);
    expect(error.message).toContain('data version 3; this one understands up to 2');
    expect(error.message).toContain('left untouched');
    expect(await readFile(file, 'utf8')).toBe(content);
    expect(await readdir(temp.dir())).toEqual(['keyhaven.json']);
  });

  it('migrates an older file after keeping a .v<n>.bak of it', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const original = JSON.stringify({ schemaVersion: 0, names: 'a,b' });
    await writeFile(file, original);
    const store = await openDocumentStore(
      options(file, {
        migrations: {
          0: (old: { names: string }) => ({ list: old.names.split(',') }),
          1: (old: { list: string[] }) => ({ items: old.list.map((name) => name.toUpperCase()) }),
        },
      }),
    );
    expect(store.snapshot()).toEqual({ schemaVersion: 2, items: ['A', 'B'] });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 2, items: ['A', 'B'] });
    expect(await readFile(`${file}.v0.bak`, 'utf8')).toBe(original);
    expect((await stat(`${file}.v0.bak`)).mode & 0o777).toBe(0o600);
    await store.close();
  });

  it('reports a failing migration as CORRUPT and leaves the file as it was', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const original = JSON.stringify({ schemaVersion: 1, items: 'not-a-list' });
    await writeFile(file, original);
    const migrations = {
      1: (old: { items: string[] }) => ({ items: old.items.map((item) => item) }),
    };
    const error = await rejection(openDocumentStore(options(file, { migrations })));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain('could not be upgraded from data version 1 to 2');
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('refuses to start a migration it has no step for', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    await writeFile(file, JSON.stringify({ schemaVersion: 1, items: [] }));
    await expect(openDocumentStore(options(file))).rejects.toThrow('No migration is registered from schemaVersion 1');
    expect(await readdir(temp.dir())).toEqual(['keyhaven.json']);
  });

  it('turns a validation failure or a missing schemaVersion into CORRUPT naming the file and backup', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    for (const content of [{ schemaVersion: 2, items: [42] }, { items: [] }, [1, 2]]) {
      const text = JSON.stringify(content);
      await writeFile(file, text);
      await writeFile(`${file}.bak`, '{}');
      const error = await rejection(openDocumentStore(options(file)));
      expect(error.code).toBe('CORRUPT');
      expect(error.message).toContain(`Keyhaven's data file ${file}`);
      expect(error.message).toContain(`A backup of the previous version is at ${file}.bak`);
      expect(error.message).not.toContain('42');
      expect(await readFile(file, 'utf8')).toBe(text);
    }
  });

  it('keeps the newest five snapshots in backups/ and skips one identical to the newest', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const at = (second: number) => () => new Date(Date.UTC(2026, 10, 1, 12, 0, second));
    for (let run = 0; run < 8; run++) {
      const store = await openDocumentStore(options(file, { now: at(run) }));
      await store.update((d) => d.items.push(`run-${run}`));
      await store.close();
    }
    // The first open found no file; each later one copied the file as it was before that run's update.
    await (await openDocumentStore(options(file, { now: at(30) }))).close(); // has run 7's update: copied
    await (await openDocumentStore(options(file, { now: at(40) }))).close(); // unchanged since: skipped

    const backups = (await readdir(join(temp.dir(), 'backups'))).sort();
    expect(backups).toEqual(['04', '05', '06', '07', '30'].map((s) => `keyhaven-20261101-1200${s}.json`));
    const copy = async (name: string) => JSON.parse(await readFile(join(temp.dir(), 'backups', name), 'utf8')) as Doc;
    expect((await copy('keyhaven-20261101-120007.json')).items).toHaveLength(7);
    expect((await copy('keyhaven-20261101-120030.json')).items).toHaveLength(8);
    for (const name of backups) {
      expect((await stat(join(temp.dir(), 'backups', name))).mode & 0o777).toBe(0o600);
    }
  });

  it('mentions the newest snapshot when the file is damaged', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const store = await openDocumentStore(options(file));
    await store.update((d) => d.items.push('x'));
    await store.close();
    await (await openDocumentStore(options(file, { now: () => new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) }))).close();
    await writeFile(file, '{"schemaVersion": 2, "ite');
    const error = await rejection(openDocumentStore(options(file)));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain(join(temp.dir(), 'backups', 'keyhaven-20260102-030405.json'));
  });

  it('removes temp files left by a dead writer when opening', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    await writeFile(file, JSON.stringify({ schemaVersion: 2, items: [] }));
    const orphan = `keyhaven.json.${await deadPid()}.0123456789ab.tmp`;
    const live = `keyhaven.json.${process.pid}.0123456789ab.tmp`;
    await mkdir(join(temp.dir(), 'other'));
    await writeFile(join(temp.dir(), orphan), '{');
    await writeFile(join(temp.dir(), live), '{');
    await (await openDocumentStore(options(file))).close();
    const names = await readdir(temp.dir());
    expect(names).not.toContain(orphan);
    expect(names).toContain(live);
  });
});
