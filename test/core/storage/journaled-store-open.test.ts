import { open, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openJournaledStore } from '../../../electron/core/storage';
import { encodeEntry } from '../../../electron/core/storage/journal-format';
import { adding, jOptions, journalLines, readSnapshot } from './journal-fixture';
import { rejection } from './store-fixture';
import { useTempDir } from './temp-dir';

const temp = useTempDir();
const dataFile = (): string => join(temp.dir(), 'data.json');

afterEach(() => {
  vi.restoreAllMocks();
});

/** A snapshot at `journalSeq` plus journal lines with the given seqs, each adding `item-<seq>`. */
async function planted(journalSeq: number, seqs: number[], ops = (seq: number): unknown[] => [{ add: `item-${seq}` }]) {
  const file = dataFile();
  await writeFile(file, JSON.stringify({ schemaVersion: 2, journalSeq, items: [] }));
  await writeFile(`${file}.journal`, seqs.map((seq) => encodeEntry(seq, 2, ops(seq)).text).join(''));
  return { file, journal: await readFile(`${file}.journal`) };
}

describe('openJournaledStore', () => {
  it('refuses a journal whose data file is missing, changing nothing', async () => {
    const file = dataFile();
    const store = await openJournaledStore(jOptions(file));
    await store.commit(adding('a'));
    await unlink(file);
    const error = await rejection(openJournaledStore(jOptions(file)));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain(`data file ${file} is missing, but its change journal ${file}.journal holds 1`);
    expect(await journalLines(file)).toHaveLength(1);
    await store.close().catch(() => undefined);
  });

  it('reports a snapshot without journalSeq as CORRUPT, and a validate() that drops it as a bug', async () => {
    const file = dataFile();
    await writeFile(file, JSON.stringify({ schemaVersion: 2, items: [] }));
    const error = await rejection(openJournaledStore(jOptions(file)));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain('does not have the shape this version of Keyhaven expects');

    await writeFile(file, JSON.stringify({ schemaVersion: 2, journalSeq: 0, items: [] }));
    const dropping = jOptions(file, { validate: (data) => ({ ...(data as object), journalSeq: undefined }) as never });
    await expect(openJournaledStore(dropping)).rejects.toThrow('must keep journalSeq');
  });

  it('migrates an older snapshot after keeping .v<n>.bak, skipping entries it already holds', async () => {
    const file = dataFile();
    const original = JSON.stringify({ schemaVersion: 1, journalSeq: 1, names: 'a,b' });
    await writeFile(file, original);
    await writeFile(`${file}.journal`, encodeEntry(1, 1, [{ old: 'shape' }]).text);
    const migrations = { 1: (old: { names: string }) => ({ ...old, names: undefined, items: old.names.split(',') }) };
    const store = await openJournaledStore(jOptions(file, { migrations }));
    expect(store.snapshot().items).toEqual(['a', 'b']);
    expect(await readSnapshot(file)).toEqual({ schemaVersion: 2, journalSeq: 1, items: ['a', 'b'] });
    expect(await readFile(`${file}.v1.bak`, 'utf8')).toBe(original);
    await store.commit(adding('c'));
    expect(JSON.parse((await journalLines(file))[1]!).seq).toBe(2);
    await store.close();
  });

  it('refuses a journal that does not continue the snapshot, changing nothing', async () => {
    const { file, journal } = await planted(0, [2, 3]);
    const error = await rejection(openJournaledStore(jOptions(file)));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain(
      `${file}.journal does not continue ${file}: the entry at line 1 is not change number 1`,
    );
    expect(await readFile(`${file}.journal`)).toEqual(journal);
    const repeated = await planted(0, [1, 2, 2]);
    expect((await rejection(openJournaledStore(jOptions(repeated.file)))).message).toContain('line 3');
  });

  it('refuses an entry that parseOp or apply rejects, naming the line but not the content', async () => {
    const bad = await planted(0, [1, 2], (seq) =>
      seq === 2 ? [{ add: 'ok' }, { drop: 'canary-secret' }] : [{ add: 'a' }],
    );
    const error = await rejection(openJournaledStore(jOptions(bad.file)));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain('holds an entry at line 2 that this version of Keyhaven cannot apply');
    expect(error.message).not.toContain('canary');
    const failing = await planted(0, [1], () => [{ remove: 'absent' }]);
    expect((await rejection(openJournaledStore(jOptions(failing.file)))).cause).toMatchObject({
      message: 'no such item',
    });
  });

  it('keeps a backups/ copy of the snapshot when opening, as DocumentStore does', async () => {
    const file = dataFile();
    const first = await openJournaledStore(jOptions(file));
    await first.commit(adding('a'));
    await first.close();
    const now = () => new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    await (await openJournaledStore(jOptions(file, { now }))).close();
    expect(await readdir(join(temp.dir(), 'backups'))).toEqual(['data-20260102-030405.json']);
  });
});

describe('a failing journal append', () => {
  async function fileHandlePrototype(): Promise<{ write: unknown; datasync: unknown }> {
    const handle = await open(join(temp.dir(), 'probe'), 'w');
    await handle.close();
    return Object.getPrototypeOf(handle) as { write: unknown; datasync: unknown };
  }

  it.each(['write', 'datasync'] as const)('leaves memory and disk as they were when %s fails', async (step) => {
    const file = dataFile();
    const store = await openJournaledStore(jOptions(file));
    await store.commit(adding('a'));
    const journal = await readFile(`${file}.journal`);
    const disk = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    vi.spyOn((await fileHandlePrototype()) as { write: () => Promise<unknown> }, step as 'write').mockRejectedValueOnce(
      disk,
    );

    const error = await rejection(store.commit(adding('b')));
    expect(error.code).toBe('IO');
    expect(error.message).toContain(`could not save a change to ${file}.journal (ENOSPC: the disk is full)`);
    expect(store.snapshot().items).toEqual(['a']);
    expect(await readFile(`${file}.journal`)).toEqual(journal);
    await store.commit(adding('c'));
    await store.close();
    expect((await readSnapshot(file)).items).toEqual(['a', 'c']);
  });

  it('refuses reads and writes when the failed change cannot even be undone from disk', async () => {
    const file = dataFile();
    const store = await openJournaledStore(jOptions(file));
    await store.commit(adding('a'));
    const proto = (await fileHandlePrototype()) as { write: () => Promise<unknown> };
    vi.spyOn(proto, 'write').mockRejectedValueOnce(Object.assign(new Error('io'), { code: 'EIO' }));
    // The re-read after the failure fails too (as it would if the disk went away entirely).
    vi.spyOn(store as unknown as { reload: () => Promise<unknown> }, 'reload').mockRejectedValueOnce(new Error('EIO'));
    await rejection(store.commit(adding('b')));
    expect(() => store.snapshot()).toThrow(/could not re-read the file afterwards/);
    expect((await rejection(store.commit(adding('c')))).code).toBe('IO');
  });
});
