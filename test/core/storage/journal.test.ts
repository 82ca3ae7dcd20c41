import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openJournaledStore } from '../../../electron/core/storage';
import { Journal } from '../../../electron/core/storage/journal';
import { encodeEntry } from '../../../electron/core/storage/journal-format';
import { jOptions } from './journal-fixture';
import { rejection } from './store-fixture';
import { useTempDir } from './temp-dir';

const temp = useTempDir();

/** A journal for `<dir>/data.json` holding entries 1..n, each `[{ add: 'item-<seq>' }]`, written with v 2. */
async function seeded(n: number, v = 2): Promise<{ path: string; file: string }> {
  const file = join(temp.dir(), 'data.json');
  const journal = new Journal(`${file}.journal`, file);
  for (let seq = 1; seq <= n; seq++) await journal.append(encodeEntry(seq, v, [{ add: `item-${seq}` }]).text);
  await journal.close();
  return { path: journal.path, file };
}

async function readAll(path: string, file: string) {
  const journal = new Journal(path, file);
  try {
    return await journal.readNew();
  } finally {
    await journal.close();
  }
}

describe('Journal', () => {
  it('appends CRC-checked lines that read back in order, in a 0600 file', async () => {
    const file = join(temp.dir(), 'data.json');
    const writer = new Journal(`${file}.journal`, file);
    // An op that itself contains `,"crc":` must not confuse the reader.
    const tricky = [{ add: ',"crc":1}', crc: 7 }];
    await writer.append(encodeEntry(1, 2, [{ add: 'a' }, { add: 'b' }]).text);
    await writer.append(encodeEntry(2, 2, tricky).text);
    expect((await stat(writer.path)).mode & 0o777).toBe(0o600);

    const [first] = (await readFile(writer.path, 'utf8')).split('\n');
    const body = JSON.stringify({ seq: 1, v: 2, ops: [{ add: 'a' }, { add: 'b' }] });
    expect(first).toBe(`${body.slice(0, -1)},"crc":${crc32(body)}}`);

    const reader = new Journal(writer.path, file);
    expect(await reader.readNew()).toEqual([
      { seq: 1, v: 2, ops: [{ add: 'a' }, { add: 'b' }], line: 1 },
      { seq: 2, v: 2, ops: tricky, line: 2 },
    ]);
    expect(await reader.readNew()).toEqual([]); // nothing new
    await writer.append(encodeEntry(3, 2, []).text);
    expect(await reader.readNew()).toEqual([{ seq: 3, v: 2, ops: [], line: 3 }]); // only what was added
    expect([reader.lines, reader.size]).toEqual([3, (await stat(writer.path)).size]);
    await Promise.all([writer.close(), reader.close()]);
  });

  it('reads an absent journal as empty without creating it', async () => {
    const file = join(temp.dir(), 'data.json');
    expect(await readAll(`${file}.journal`, file)).toEqual([]);
    await expect(stat(`${file}.journal`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('drops a torn last line and truncates the file to the last good line', async () => {
    const { path, file } = await seeded(2);
    const good = await readFile(path);
    const torn = encodeEntry(3, 2, [{ add: 'item-3' }]).text;
    await appendFile(path, torn.slice(0, 20)); // killed mid-append: no newline
    expect((await readAll(path, file)).map((e) => e.seq)).toEqual([1, 2]);
    expect(await readFile(path)).toEqual(good);

    // Appending after the repair gives a clean third line, not one glued to the fragment.
    const journal = new Journal(path, file);
    await journal.readNew();
    await journal.append(torn);
    await journal.close();
    expect((await readAll(path, file)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('refuses a complete last line whose CRC does not match, and cuts nothing: only a torn one lacks its newline', async () => {
    const { path, file } = await seeded(2);
    await appendFile(path, encodeEntry(3, 2, [{ add: 'item-3' }]).text.replace('item-3', 'item-X'));
    const before = await readFile(path);
    const error = await rejection(readAll(path, file));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain(`change journal ${path} is damaged at line 3`);
    expect(await readFile(path)).toEqual(before);
  });

  it('reports a damaged line followed by good ones as CORRUPT, naming file and line, and changes nothing', async () => {
    const { path, file } = await seeded(3);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[1] = lines[1]!.replace('item-2', 'canary-secret'); // CRC no longer matches
    await writeFile(path, lines.join('\n'));
    const before = await readFile(path);

    const error = await rejection(readAll(path, file));
    expect(error.code).toBe('CORRUPT');
    expect(error.file).toBe(path);
    expect(error.message).toContain(`change journal ${path} is damaged at line 2`);
    expect(error.message).toContain('Nothing was changed');
    expect(error.message).not.toContain('canary');
    expect(await readFile(path)).toEqual(before);
  });

  it('treats a blank line before others as damage too', async () => {
    const { path, file } = await seeded(1);
    await appendFile(path, `\n${encodeEntry(2, 2, []).text}`);
    expect((await rejection(readAll(path, file))).message).toContain('damaged at line 2');
  });
});

describe('journal entries from another schemaVersion', () => {
  async function openWith(v: number) {
    const { path, file } = await seeded(2, v);
    await writeFile(file, JSON.stringify({ schemaVersion: 2, journalSeq: 0, items: [] }));
    const before = await readFile(path);
    const error = await rejection(openJournaledStore(jOptions(file)));
    expect(error.file).toBe(path);
    expect(await readFile(path)).toEqual(before);
    return error;
  }

  it('refuses entries from an older version, explaining the crash across an upgrade', async () => {
    const error = await openWith(1);
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain('saved by an older version of Keyhaven (data version 1 at line 1)');
    expect(error.message).toContain('stopped without quitting normally before this upgrade');
  });

  it('refuses entries from a newer version', async () => {
    const error = await openWith(3);
    expect(error.code).toBe('NEWER_VERSION');
    expect(error.message).toContain('newer version of Keyhaven (data version 3 at line 1');
  });

  it('ignores old-version entries that the snapshot already holds', async () => {
    const { file } = await seeded(2, 1);
    await writeFile(file, JSON.stringify({ schemaVersion: 2, journalSeq: 2, items: ['item-1', 'item-2'] }));
    const store = await openJournaledStore(jOptions(file));
    expect(store.snapshot().items).toEqual(['item-1', 'item-2']);
    await store.close();
  });
});
