import type { SystemStatus } from '../../shared/domain/system';
import { AppService } from './apps/app-service';
import { systemClock, type Clock } from './clock';
import { openKeyhavenDb, type KeyhavenDb } from './db/keyhaven-db';
import type { Keychain } from './keychain/keychain';
import { KeyService } from './keys/key-service';

export interface CoreOptions {
  /** The data folder: Electron's userData, or --data-dir / KEYHAVEN_DATA_DIR. */
  dataDir: string;
  keychain: Keychain;
  clock?: Clock;
  version: string;
}

/**
 * Keyhaven's domain, without Electron: what main, the browser harness, the tests and the benchmarks
 * all open. Opening fails with a StorageError (never with empty data) when the data file is damaged
 * or from a newer version.
 */
export interface Core {
  readonly dataDir: string;
  readonly db: KeyhavenDb;
  readonly apps: AppService;
  readonly keys: KeyService;
  readonly clock: Clock;
  status(): Promise<SystemStatus>;
  close(): Promise<void>;
}

const PROBE_ACCOUNT = 'probe';

export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const db = await openKeyhavenDb(options.dataDir);
  return {
    dataDir: options.dataDir,
    db,
    clock,
    apps: new AppService(db, clock),
    keys: new KeyService(db, options.keychain, clock),
    async status() {
      try {
        // A read of an account that does not exist still makes the full round trip to the keychain.
        await options.keychain.get(PROBE_ACCOUNT);
        return { version: options.version, keychain: { available: true, problem: null } };
      } catch (error) {
        const problem = error instanceof Error ? error.message : 'The system keychain is unavailable.';
        return { version: options.version, keychain: { available: false, problem } };
      }
    },
    close: () => db.close(),
  };
}
