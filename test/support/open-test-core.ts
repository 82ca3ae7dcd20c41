import { openCore, type Core } from '../../electron/core/core';
import type { Clock } from '../../electron/core/clock';
import { MemoryKeychain } from './memory-keychain';
import { makeTempDir } from './temp-dir';

export interface TestCore {
  core: Core;
  keychain: MemoryKeychain;
  dataDir: string;
  dispose: () => Promise<void>;
}

/** The real core over real files in a fresh temp dir, with an in-memory keychain. */
export async function openTestCore(options: { clock?: Clock; keychain?: MemoryKeychain } = {}): Promise<TestCore> {
  const dir = await makeTempDir();
  const keychain = options.keychain ?? new MemoryKeychain();
  const core = await openCore({
    dataDir: dir.path,
    keychain,
    version: '0.0.0-test',
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    core,
    keychain,
    dataDir: dir.path,
    dispose: async () => {
      await core.close();
      await dir.remove();
    },
  };
}
