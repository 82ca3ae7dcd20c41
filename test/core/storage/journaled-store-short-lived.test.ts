import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournaledStore, StorageError } from '../../../electron/core/storage';
import { encodeDocument } from '../../../electron/core/storage/document-text';
import { adding, jOptions, journalLines, readSnapshot } from './journal-fixture';
import { useTempDir } from './temp-dir';

const temp = useTempDir();
const backups = async (): Promise<string[]> => (await readdir(join(temp.dir(), 'backups')).catch(() => [])).sort();

/**
 * The command line opens a data file for one command: its opens must not rotate the app's five
 * copies in backups/ away, and its close must not rewrite the whole file (its commits stay journaled).
 */
describe('a short-lived store (the command line)', () => {
  it('takes no backup copy when opening, where a long-lived open does', async () => {
    const file = join(temp.dir(), 'data.json');
    const first = await openJournaledStore(jOptions(file));
    await first.commit(adding('a'));
    await first.close();

    for (let call = 0; call < 7; call += 1) {
      const visit = await openJournaledStore({ ...jOptions(file), shortLived: true });
      await visit.commit(adding(`cli-${call}`));
      await visit.close();
    }
    expect(await backups()).toEqual([]);

    const app = await openJournaledStore(jOptions(file));
    expect(await backups()).toHaveLength(1);
    expect(app.snapshot().items).toEqual(['a', ...Array.from({ length: 7 }, (_, i) => `cli-${i}`)]);
    await app.close();
  });

  it('leaves its commits in the journal at close; the next long-lived close folds them in', async () => {
    const file = join(temp.dir(), 'data.json');
    const visit = await openJournaledStore({ ...jOptions(file), shortLived: true });
    await visit.commit(adding('a'));
    await visit.commit(adding('b'));
    await visit.close();
    expect(await journalLines(file)).toHaveLength(2);
    expect((await readSnapshot(file)).items).toEqual([]);

    const app = await openJournaledStore(jOptions(file));
    expect(app.snapshot().items).toEqual(['a', 'b']);
    await app.close();
    expect(await readFile(`${file}.journal`, 'utf8').catch(() => '')).toBe('');
    expect((await readSnapshot(file)).items).toEqual(['a', 'b']);
  });

  it('trusts a snapshot whose checksum holds without validating it again; the app still validates', async () => {
    const file = join(temp.dir(), 'data.json');
    let validations = 0;
    const counting = (shortLived: boolean) => {
      const options = jOptions(file);
      const validate = options.validate!;
      return { ...options, shortLived, validate: (data: unknown) => (validations++, validate(data)) };
    };
    await writeFile(file, encodeDocument({ schemaVersion: 2, journalSeq: 0, items: ['as written'] }));
    const visit = await openJournaledStore(counting(true));
    expect(visit.snapshot().items).toEqual(['as written']);
    await visit.close();
    expect(validations).toBe(0);
    const app = await openJournaledStore(counting(false));
    await app.close();
    expect(validations).toBe(1);
  });

  it('validates a file without a checksum, and refuses a damaged one, also when short-lived', async () => {
    const file = join(temp.dir(), 'data.json');
    await writeFile(file, JSON.stringify({ schemaVersion: 2, journalSeq: 0, items: [42] }));
    await expect(openJournaledStore({ ...jOptions(file), shortLived: true })).rejects.toBeInstanceOf(StorageError);
    const damaged = encodeDocument({ schemaVersion: 2, journalSeq: 0, items: ['abc'] }).replace('abc', 'abd');
    await writeFile(file, damaged);
    await expect(openJournaledStore({ ...jOptions(file), shortLived: true })).rejects.toBeInstanceOf(StorageError);
  });
});
