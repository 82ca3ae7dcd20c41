import { crc32 } from 'node:zlib';
import { readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournaledStore } from '../../../electron/core/storage';
import { adding, jOptions, journalLines, readSnapshot, type JOp } from './journal-fixture';
import { useTempDir } from './temp-dir';

const temp = useTempDir();
const dataFile = (): string => join(temp.dir(), 'data.json');

describe('JournaledStore', () => {
  it('commits to the journal and replays it on reopen', async () => {
    const file = dataFile();
    const store = await openJournaledStore(jOptions(file));
    expect(await store.commit(adding('a'))).toBe(1);
    expect(await store.commit(adding('b', 'c'))).toBe(2);
    expect(store.snapshot().items).toEqual(['a', 'b', 'c']);
    // The first commit wrote the defaults as the snapshot; the commits themselves are journal lines.
    expect(await readSnapshot(file)).toEqual({ schemaVersion: 2, journalSeq: 0, items: [] });
    expect((await journalLines(file)).map((line) => JSON.parse(line).seq)).toEqual([1, 2]);
    expect((await stat(`${file}.journal`)).mode & 0o777).toBe(0o600);

    const again = await openJournaledStore(jOptions(file)); // the first one is still open, not compacted
    expect(again.snapshot()).toEqual({ schemaVersion: 2, journalSeq: 0, items: ['a', 'b', 'c'] });
    await again.commit(adding('d'));
    expect(JSON.parse((await journalLines(file))[2]!).seq).toBe(3);
    await store.commit(adding('e')); // catches up with `again` first
    expect(store.snapshot().items).toEqual(['a', 'b', 'c', 'd', 'e']);
    await Promise.all([store.close(), again.close()]);
  });

  it('starts from defaults and writes no file until the first commit with ops', async () => {
    const file = join(temp.dir(), 'data', 'data.json');
    const store = await openJournaledStore(jOptions(file));
    expect(store.snapshot()).toEqual({ schemaVersion: 2, journalSeq: 0, items: [] });
    expect(await store.commit(() => ({ ops: [], result: 'nothing' }))).toBe('nothing');
    await store.compact();
    await store.close();
    // The lock a commit takes may have created the folder, but no file is left in it.
    expect(await readdir(join(temp.dir(), 'data')).catch(() => [])).toEqual([]);
  });

  it('makes a multi-op commit one line: after a torn append none of its ops replay', async () => {
    const file = dataFile();
    const store = await openJournaledStore(jOptions(file));
    await store.commit(adding('a'));
    await store.commit(adding('b', 'c', 'd'));
    expect(await journalLines(file)).toHaveLength(2);
    const { size } = await stat(`${file}.journal`);
    await truncate(`${file}.journal`, size - 10); // as if killed while writing the second line

    const reopened = await openJournaledStore(jOptions(file));
    expect(reopened.snapshot().items).toEqual(['a']);
    expect(await journalLines(file)).toHaveLength(1); // the torn line was cut off
    await reopened.close();
    await store.close();
  });

  it('writes nothing when the plan returns no ops', async () => {
    const file = dataFile();
    const store = await openJournaledStore(jOptions(file));
    await store.commit(adding('a'));
    const [journal, snapshot] = await Promise.all([readFile(`${file}.journal`), stat(file)]);
    expect(await store.commit((data) => ({ ops: [], result: data.items.length }))).toBe(1);
    expect(await readFile(`${file}.journal`)).toEqual(journal);
    expect((await stat(file)).mtimeMs).toBe(snapshot.mtimeMs);
    await store.close();
  });

  it('leaves memory and disk unchanged when apply throws, parseOp refuses or the plan is async', async () => {
    const file = dataFile();
    const store = await openJournaledStore(jOptions(file));
    await store.commit(adding('a'));
    const journal = await readFile(`${file}.journal`);
    const failing: JOp[] = [{ add: 'b' }, { fail: true }];
    await expect(store.commit(() => ({ ops: failing, result: 0 }))).rejects.toThrow('apply refused the op');
    await expect(store.commit(() => ({ ops: [{ add: 'c' }, { bogus: 1 } as never], result: 0 }))).rejects.toThrow(
      'not an op',
    );
    const asyncPlan = (async () => ({ ops: [{ add: 'd' }], result: 0 })) as never;
    await expect(store.commit(asyncPlan)).rejects.toThrow(TypeError);
    expect(store.snapshot().items).toEqual(['a']);
    expect(await readFile(`${file}.journal`)).toEqual(journal);

    await store.commit(adding('e'));
    expect(store.snapshot().items).toEqual(['a', 'e']);
    await store.close();
    const reopened = await openJournaledStore(jOptions(file));
    expect(reopened.snapshot().items).toEqual(['a', 'e']);
    await reopened.close();
  });

  it('applies the ops as a replay will see them, not the objects the plan passed', async () => {
    const base = jOptions(dataFile());
    const seen: JOp[] = [];
    const store = await openJournaledStore(
      jOptions(dataFile(), { apply: (data, op) => base.apply(data, seen[seen.push(op) - 1]!) }),
    );
    const op = { add: 'a', dropped: undefined } as JOp; // JSON drops undefined: so does a replay
    await store.commit(() => ({ ops: [op], result: 0 }));
    expect(seen[0]).toStrictEqual({ add: 'a' });
    expect(seen[0]).not.toBe(op);
    await store.close();
  });

  it('compacts: the snapshot (compact JSON, .bak kept) takes the journal, which is emptied', async () => {
    const file = dataFile();
    const store = await openJournaledStore(jOptions(file));
    for (const item of ['a', 'b', 'c']) await store.commit(adding(item));
    await store.compact();
    const text = await readFile(file, 'utf8');
    // Compact JSON with the whole document's CRC-32 as its last member (storage/document-text.ts).
    const body = JSON.stringify({ schemaVersion: 2, journalSeq: 3, items: ['a', 'b', 'c'] });
    expect(text).toBe(`${body.slice(0, -1)},"crc":${crc32(body)}}\n`);
    expect(await readSnapshot(`${file}.bak`)).toEqual({ schemaVersion: 2, journalSeq: 0, items: [] });
    expect(await journalLines(file)).toEqual([]);

    await store.commit(adding('d'));
    expect(JSON.parse((await journalLines(file))[0]!).seq).toBe(4);
    const reopened = await openJournaledStore(jOptions(file));
    expect(reopened.snapshot()).toEqual({ schemaVersion: 2, journalSeq: 3, items: ['a', 'b', 'c', 'd'] });
    await Promise.all([store.close(), reopened.close()]);
  });

  it('replays nothing twice after a crash between the snapshot write and the journal truncation', async () => {
    const file = dataFile();
    const store = await openJournaledStore(jOptions(file));
    for (const item of ['a', 'b', 'c']) await store.commit(adding(item));
    // What compaction leaves when killed just before truncating: the snapshot has seq 3, the journal 1..3.
    await writeFile(file, JSON.stringify({ schemaVersion: 2, journalSeq: 3, items: ['a', 'b', 'c'] }));
    expect(await journalLines(file)).toHaveLength(3);

    const reopened = await openJournaledStore(jOptions(file));
    expect(reopened.snapshot().items).toEqual(['a', 'b', 'c']);
    await reopened.commit(adding('d'));
    expect(JSON.parse((await journalLines(file))[3]!).seq).toBe(4);
    await store.commit(adding('e')); // the other instance sees the replaced snapshot and reloads
    expect(store.snapshot().items).toEqual(['a', 'b', 'c', 'd', 'e']);
    await Promise.all([store.close(), reopened.close()]);
    expect((await readSnapshot(file)).items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('compacts by itself once the journal reaches compactAfter commits or bytes', async () => {
    const file = dataFile();
    const store = await openJournaledStore(jOptions(file, { compactAfter: { commits: 3, bytes: 1e9 } }));
    await store.commit(adding('a'));
    await store.commit(adding('b'));
    expect(await journalLines(file)).toHaveLength(2);
    await store.commit(adding('c'));
    expect(await journalLines(file)).toEqual([]);
    expect(await readSnapshot(file)).toEqual({ schemaVersion: 2, journalSeq: 3, items: ['a', 'b', 'c'] });
    await store.close();

    const bySize = await openJournaledStore(jOptions(file, { compactAfter: { commits: 1e9, bytes: 250 } }));
    await bySize.commit(adding('x'.repeat(100)));
    expect(await journalLines(file)).toHaveLength(1);
    await bySize.commit(adding('y'.repeat(100)));
    expect(await journalLines(file)).toEqual([]);
    expect((await readSnapshot(file)).journalSeq).toBe(5);
    await bySize.close();
  });

  it('compacts on close, and rejects commits after it', async () => {
    const file = dataFile();
    const store = await openJournaledStore(jOptions(file));
    await store.commit(adding('a'));
    const queued = store.commit(adding('b'));
    await store.close();
    expect(await queued).toBe(1);
    expect(await journalLines(file)).toEqual([]);
    expect(await readSnapshot(file)).toEqual({ schemaVersion: 2, journalSeq: 2, items: ['a', 'b'] });
    await expect(store.commit(adding('c'))).rejects.toThrow('closed');
  });
});
