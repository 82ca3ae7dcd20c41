import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SealSource } from '../../../electron/core/integrity/seal-source';
import type { Keychain } from '../../../electron/core/keychain/keychain';
import { MemoryKeychain } from '../../support/memory-keychain';
import { makeTempDir } from '../../support/temp-dir';

/**
 * Two processes opening a brand-new data folder at the same moment (the app and the command line):
 * both find no record seal key in the keychain. Each would make its own, the last keychain write would
 * win, and the records the other sealed would read as changed outside Keyhaven. The folder's lock
 * makes the second wait and take the first one's key.
 */
describe('the record seal key, made by two processes at once', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => dir.remove());

  it('is made once: both end up sealing with the same key', async () => {
    // A real keychain answers over D-Bus or XPC, milliseconds per call: the two loads interleave.
    const memory = new MemoryKeychain();
    const later = <T>(value: Promise<T>) => new Promise<T>((done) => setTimeout(() => done(value), 5));
    const keychain: Keychain = {
      get: (account) => later(memory.get(account)),
      set: (account, secret) => later(memory.set(account, secret)),
      delete: (account) => later(memory.delete(account)),
    };
    const installationId = randomUUID();
    const source = () =>
      new SealSource({
        keychain,
        installationId: () => installationId,
        lockFile: join(dir.path, 'seal-key'),
        hasSealedRecords: () => false,
        sealExisting: async () => undefined,
      });
    const [first, second] = await Promise.all([source().sealer(), source().sealer()]);
    const fields = ['a key record', 2026];
    expect(second.matches('issued-key', fields, first.seal('issued-key', fields))).toBe(true);
  });
});
