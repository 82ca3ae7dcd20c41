import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDocumentStore } from '../../../electron/core/storage';
import { options, type Doc } from './store-fixture';
import { useTempDir } from './temp-dir';

const temp = useTempDir();

describe('DocumentStore.update', () => {
  it('restores memory and disk when a mutation throws or is asynchronous', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const store = await openDocumentStore(options(file));
    await store.update((d) => d.items.push('kept'));
    const before = await readFile(file);

    const boom = new Error('boom');
    await expect(
      store.update((d) => {
        d.items.push('lost');
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(store.snapshot()).toEqual({ schemaVersion: 2, items: ['kept'] });
    expect(await readFile(file)).toEqual(before);

    await expect(
      store.update(async (d) => {
        d.items.push('async');
      }),
    ).rejects.toThrow(TypeError);
    expect(store.snapshot().items).toEqual(['kept']);
    expect(await readFile(file)).toEqual(before);

    await store.update((d) => d.items.push('after'));
    expect(JSON.parse(await readFile(file, 'utf8')).items).toEqual(['kept', 'after']);
    await store.close();
  });

  it('lands 100 concurrent updates from one process, in call order', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const store = await openDocumentStore(options(file));
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => store.update((d) => d.items.push(`item-${i}`))),
    );
    expect(results).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const expected = Array.from({ length: 100 }, (_, i) => `item-${i}`);
    expect(store.snapshot().items).toEqual(expected);
    expect(JSON.parse(await readFile(file, 'utf8')).items).toEqual(expected);
    await store.close();
  });

  it('re-reads what another store saved instead of overwriting it', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const a = await openDocumentStore(options(file));
    const b = await openDocumentStore(options(file));
    for (let i = 0; i < 10; i++) {
      await Promise.all([a.update((d) => d.items.push(`a${i}`)), b.update((d) => d.items.push(`b${i}`))]);
    }
    const saved = JSON.parse(await readFile(file, 'utf8')) as Doc;
    expect(saved.items).toHaveLength(20);
    expect(new Set(saved.items).size).toBe(20);
    await Promise.all([a.close(), b.close()]);
  });

  it('rejects updates after close, once queued ones have landed', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const store = await openDocumentStore(options(file));
    const queued = store.update((d) => d.items.push('queued'));
    await store.close();
    expect(await queued).toBe(1);
    await expect(store.update((d) => d.items.push('late'))).rejects.toThrow('closed');
    expect(JSON.parse(await readFile(file, 'utf8')).items).toEqual(['queued']);
  });
});
