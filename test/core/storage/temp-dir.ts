import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh real directory per test, removed afterwards; `dir()` is valid inside a test. */
export function useTempDir(): { dir: () => string } {
  let current: string | undefined;
  beforeEach(async () => {
    current = await mkdtemp(join(tmpdir(), 'keyhaven-storage-'));
  });
  afterEach(async () => {
    if (current) await rm(current, { recursive: true, force: true });
    current = undefined;
  });
  return {
    dir: () => {
      if (!current) throw new Error('useTempDir: no directory outside a test');
      return current;
    },
  };
}
