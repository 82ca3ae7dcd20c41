import { readdir, readFile, stat, truncate } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDocumentStore, StorageError } from '../../../electron/core/storage';
import { useTempDir } from './temp-dir';
import { WriterProcess } from './writer-process';

const here = dirname(fileURLToPath(import.meta.url));
const WRITER = join(here, 'fixtures', 'writer.ts');

interface Doc {
  schemaVersion: 1;
  items: number[];
}

const temp = useTempDir();
/** A writer process running fixtures/writer.ts: `count` updates, each acknowledged. */
class Writer extends WriterProcess {
  constructor(file: string, count: number) {
    super(WRITER, [file, String(count)]);
  }
}

async function readDoc(file: string): Promise<Doc> {
  return JSON.parse(await readFile(file, 'utf8')) as Doc;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('document store across processes', () => {
  it('loses no acknowledged update and never leaves a broken file over 50 kill -9s', { timeout: 60_000 }, async () => {
    const file = join(temp.dir(), 'data.json');
    let acked = 0;
    let next = new Writer(file, 5_000);
    for (let run = 0; run < 50; run++) {
      const writer = next;
      await writer.ready.promise;
      // Start the next process now so its module loading overlaps this run instead of adding to it.
      if (run < 49) next = new Writer(file, 5_000);
      writer.go();
      await writer.firstAck.promise;
      setTimeout(() => writer.kill(), 10 + Math.random() * 140);
      const { signal } = await writer.closed;
      expect(signal, writer.stderr).toBe('SIGKILL');

      const doc = await readDoc(file); // throws if the file does not parse
      expect(doc.items).toEqual(range(doc.items.length)); // no duplicate, no gap
      const highest = Math.max(...writer.acks);
      expect(writer.acks).toEqual(range(highest + 1).slice(writer.acks[0])); // each run continued the file
      expect(doc.items.length).toBeGreaterThan(highest); // every ack is in the file
      acked = highest + 1;
    }
    expect(acked).toBeGreaterThan(50);

    const store = await openDocumentStore<Doc>({
      file,
      schemaVersion: 1,
      defaults: () => ({ schemaVersion: 1, items: [] }),
      lockTimeoutMs: 1_000, // the last writer's lock is stale: it must be taken over at once
    });
    expect(store.snapshot().items.length).toBeGreaterThanOrEqual(acked);
    await store.close();
    const leftovers = (await readdir(temp.dir())).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]); // opening removed what killed writers left
  });

  it('keeps all 400 updates of two processes writing the same file at once', { timeout: 30_000 }, async () => {
    const file = join(temp.dir(), 'data.json');
    const writers = [new Writer(file, 200), new Writer(file, 200)];
    await Promise.all(writers.map((w) => w.ready.promise));
    for (const w of writers) w.go();
    const results = await Promise.all(writers.map((w) => w.closed));
    for (const [i, result] of results.entries()) expect(result.code, writers[i]?.stderr).toBe(0);

    expect((await readDoc(file)).items).toEqual(range(400));
    const all = writers.flatMap((w) => w.acks).sort((a, b) => a - b);
    expect(all).toEqual(range(400)); // each number acknowledged by exactly one writer
    expect(writers.every((w) => w.acks.length === 200)).toBe(true);
  });

  it('refuses a truncated file with a clear message and leaves it unchanged', { timeout: 30_000 }, async () => {
    const file = join(temp.dir(), 'data.json');
    const seed = new Writer(file, 20);
    await seed.ready.promise;
    seed.go();
    expect((await seed.closed).code, seed.stderr).toBe(0);
    const { size } = await stat(file);
    await truncate(file, Math.floor(size / 2));
    const damaged = await readFile(file);

    const error: unknown = await openDocumentStore<Doc>({
      file,
      schemaVersion: 1,
      defaults: () => ({ schemaVersion: 1, items: [] }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('CORRUPT');
    expect((error as StorageError).message).toBe(
      `Keyhaven's data file ${file} is damaged (it is not valid JSON; it may have been truncated). ` +
        `Nothing was changed. A backup of the previous version is at ${file}.bak: quit Keyhaven, check it, ` +
        `and copy it over the damaged file to restore.`,
    );

    const reader = new Writer(file, 1); // another process gets the same answer
    await reader.ready.promise;
    reader.go();
    expect((await reader.closed).code).toBe(1);
    expect(reader.stderr).toContain(`StorageError: Keyhaven's data file ${file} is damaged`);
    expect(await readFile(file)).toEqual(damaged);
    expect((await readDoc(`${file}.bak`)).items).toEqual(range(19));
  });
});
