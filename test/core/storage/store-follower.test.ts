/**
 * Another process's commits count at once (issue 10, point 4): a store follows what other writers
 * commit to its file, so reads here reflect them within one follow interval plus a catch-up, and it
 * tells its listeners. Two store instances on one file are two processes as far as the store knows
 * (each has its own memory, handles and lock ownership); the last test uses a real second process.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { openJournaledStore, type JournaledStore } from '../../../electron/core/storage';
import { adding, jOptions, type JDoc, type JOp } from './journal-fixture';
import { useTempDir } from './temp-dir';
import { WriterProcess } from './writer-process';

const temp = useTempDir();
const WRITER = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'journaled-writer.ts');

const open = (file: string, followEveryMs = 10): Promise<JournaledStore<JDoc, JOp>> =>
  openJournaledStore(jOptions(file, { followEveryMs }));

describe('a store follows commits made by others to its file', () => {
  it('shows another writer’s commits, compactions included, and tells its listeners; not its own', async () => {
    const file = join(temp.dir(), 'data.json');
    const a = await open(file);
    await a.commit(adding('first'));
    const b = await open(file);
    const heardByA = vi.fn();
    const heardByB = vi.fn();
    a.onExternalChange(heardByA);
    b.onExternalChange(heardByB);

    await a.commit(adding('second'));
    await vi.waitFor(() => expect(b.snapshot().items).toEqual(['first', 'second']), { timeout: 2_000, interval: 5 });
    // The data is in place a moment before the listeners hear of it.
    await vi.waitFor(() => expect(heardByB).toHaveBeenCalled(), { timeout: 2_000, interval: 5 });

    await a.compact(); // the snapshot is replaced and the journal emptied under b
    await a.commit(adding('third'));
    await vi.waitFor(() => expect(b.snapshot().items).toEqual(['first', 'second', 'third']), {
      timeout: 2_000,
      interval: 5,
    });

    await b.commit(adding('from b'));
    await vi.waitFor(() => expect(a.snapshot().items).toEqual(['first', 'second', 'third', 'from b']), {
      timeout: 2_000,
      interval: 5,
    });
    // Each heard the other's commits only: its own commit changed nothing on disk it had not written.
    const heardBefore = heardByB.mock.calls.length;
    await b.commit(adding('again from b'));
    await vi.waitFor(() => expect(a.snapshot().items).toContain('again from b'), { timeout: 2_000, interval: 5 });
    expect(heardByB.mock.calls.length).toBe(heardBefore);
    await vi.waitFor(() => expect(heardByA).toHaveBeenCalled(), { timeout: 2_000, interval: 5 });
    await a.close();
    await b.close();
  });

  it('sees a file created by another writer after it opened on an empty folder', async () => {
    const file = join(temp.dir(), 'later', 'data.json');
    const reader = await open(file);
    expect(reader.snapshot().items).toEqual([]);
    const writer = await open(file);
    await writer.commit(adding('created elsewhere'));
    await vi.waitFor(() => expect(reader.snapshot().items).toEqual(['created elsewhere']), {
      timeout: 2_000,
      interval: 5,
    });
    await writer.close();
    await reader.close();
  });

  it('does not look when following is off, and stops on close', async () => {
    const file = join(temp.dir(), 'data.json');
    const still = await open(file, 0);
    const writer = await open(file);
    await writer.commit(adding('unseen'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(still.snapshot().items).toEqual([]);
    await still.close();
    await writer.close();
  });

  it('follows a real second process committing', { timeout: 30_000 }, async () => {
    const file = join(temp.dir(), 'data.json');
    const here = await openJournaledStore<{ schemaVersion: 1; journalSeq: number; items: number[] }, { push: number }>({
      file,
      schemaVersion: 1,
      defaults: () => ({ schemaVersion: 1, journalSeq: 0, items: [] }),
      apply: (data, op) => void data.items.push(op.push),
      followEveryMs: 10,
    });
    const writer = new WriterProcess(WRITER, [file, '50', '1000']);
    await writer.ready.promise;
    writer.go();
    const { code } = await writer.closed;
    expect(code, writer.stderr).toBe(0);
    await vi.waitFor(() => expect(here.snapshot().items).toHaveLength(100), { timeout: 5_000, interval: 5 });
    await here.close();
  });
});
