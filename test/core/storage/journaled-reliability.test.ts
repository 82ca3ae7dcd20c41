import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openJournaledStore, type JournaledStore } from '../../../electron/core/storage';
import { useTempDir } from './temp-dir';
import { WriterProcess } from './writer-process';

const here = dirname(fileURLToPath(import.meta.url));
const WRITER = join(here, 'fixtures', 'journaled-writer.ts');

interface Doc {
  schemaVersion: 1;
  journalSeq: number;
  items: number[];
}

const temp = useTempDir();
/** A writer process running fixtures/journaled-writer.ts: `count` commits, compacting every N. */
class Writer extends WriterProcess {
  constructor(file: string, count: number, compactAfterCommits: number) {
    super(WRITER, [file, String(count), String(compactAfterCommits)]);
  }
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

function openHere(file: string): Promise<JournaledStore<Doc, { push: number }>> {
  return openJournaledStore<Doc, { push: number }>({
    file,
    schemaVersion: 1,
    defaults: () => ({ schemaVersion: 1, journalSeq: 0, items: [] }),
    apply: (data, op) => {
      if (op.push !== data.items.length) throw new Error('out of order');
      data.items.push(op.push);
    },
    lockTimeoutMs: 1_000, // the last writer's lock is stale: it must be taken over at once
  });
}

/** Whether a killed writer died compacting: its snapshot temp file is left, or the journal was not emptied. */
async function diedCompacting(file: string): Promise<boolean> {
  const names = await readdir(dirname(file));
  if (names.some((name) => /^data\.json\.\d+\.[0-9a-f]+\.tmp$/.test(name))) return true;
  const snapshot = await readFile(file, 'utf8').catch(() => null);
  const firstLine = (await readFile(`${file}.journal`, 'utf8').catch(() => '')).split('\n')[0] ?? '';
  if (!snapshot || !firstLine.endsWith('}')) return false;
  const first = (JSON.parse(firstLine) as { seq: number }).seq;
  return (JSON.parse(snapshot) as Doc).journalSeq >= first;
}

describe('journaled store across processes', () => {
  it(
    'loses no acknowledged commit and always reopens over 30 kill -9s, also during compaction',
    { timeout: 60_000 },
    async () => {
      const file = join(temp.dir(), 'data.json');
      // A third of the runs compact after every commit and a third every 3, so many kills land inside a
      // compaction (snapshot write or journal truncation); the rest let the journal grow long.
      const compactAfter = (run: number): number => [1, 3, 1_000][run % 3] ?? 1;
      let acked = 0;
      let killedCompacting = 0;
      let next = new Writer(file, 5_000, compactAfter(0));
      for (let run = 0; run < 30; run++) {
        const writer = next;
        await writer.ready.promise;
        // Start the next process now so its module loading overlaps this run instead of adding to it.
        if (run < 29) next = new Writer(file, 5_000, compactAfter(run + 1));
        writer.go();
        const seen = await writer.opened.promise; // it opened what the previous kill left
        expect(seen, 'every acknowledged commit, each whole').toBeGreaterThanOrEqual(2 * acked);
        await writer.firstAck.promise;
        setTimeout(() => writer.kill(), 5 + Math.random() * 60);
        const { signal } = await writer.closed;
        expect(signal, writer.stderr).toBe('SIGKILL');
        const highest = Math.max(...writer.acks);
        expect(writer.acks).toEqual(range(seen / 2, highest + 1)); // continued the file, in order
        acked = highest + 1;
        if (await diedCompacting(file)) killedCompacting += 1;
      }

      const store = await openHere(file);
      const items = store.snapshot().items;
      expect(items.length).toBeGreaterThanOrEqual(2 * acked);
      expect(items).toEqual(range(0, items.length));
      await store.close();
      expect(await readFile(`${file}.journal`, 'utf8')).toBe(''); // close compacted
      const leftovers = (await readdir(temp.dir())).filter((name) => name.endsWith('.tmp'));
      expect(leftovers).toEqual([]); // opening removed what killed writers left
      expect(acked).toBeGreaterThan(30);
      expect(killedCompacting, 'kills that landed inside a compaction').toBeGreaterThan(0); // typically 7-13
    },
  );

  it('keeps all 400 commits of two processes committing at once', { timeout: 30_000 }, async () => {
    const file = join(temp.dir(), 'data.json');
    const writers = [new Writer(file, 200, 50), new Writer(file, 200, 50)];
    await Promise.all(writers.map((w) => w.ready.promise));
    for (const w of writers) w.go();
    const results = await Promise.all(writers.map((w) => w.closed));
    for (const [i, result] of results.entries()) expect(result.code, writers[i]?.stderr).toBe(0);

    const store = await openHere(file);
    expect(store.snapshot().items).toEqual(range(0, 800));
    await store.close();
    const all = writers.flatMap((w) => w.acks).sort((a, b) => a - b);
    expect(all).toEqual(range(0, 400)); // each commit acknowledged by exactly one writer
    expect(writers.every((w) => w.acks.length === 200)).toBe(true);
  });
});
