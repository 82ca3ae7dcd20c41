import { openCore, type Core } from '../../electron/core/core';
import type { Clock } from '../../electron/core/clock';
import { MemoryKeychain } from './memory-keychain';
import { MemoryPlatform } from './memory-platform';
import { makeTempDir } from './temp-dir';

export interface TestCore {
  core: Core;
  /** What the core reported through its error logger (background failures). */
  logged: string[];
  keychain: MemoryKeychain;
  /** The clipboard, power events and timers the core was given. */
  platform: MemoryPlatform;
  dataDir: string;
  dispose: () => Promise<void>;
}

/** The real core over real files in a fresh temp dir, with an in-memory keychain. */
export async function openTestCore(
  options: { clock?: Clock; keychain?: MemoryKeychain; platform?: MemoryPlatform } = {},
): Promise<TestCore> {
  const dir = await makeTempDir();
  const keychain = options.keychain ?? new MemoryKeychain();
  const platform = options.platform ?? new MemoryPlatform();
  const logged: string[] = [];
  const core = await openCore({
    logError: (line) => logged.push(line),
    dataDir: dir.path,
    keychain,
    platform,
    version: '0.0.0-test',
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    core,
    logged,
    keychain,
    platform,
    dataDir: dir.path,
    dispose: async () => {
      await core.close();
      await dir.remove();
    },
  };
}
