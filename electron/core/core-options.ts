import type { ActivityActor } from '../../shared/domain/activity';
import type { DataProblem } from '../../shared/domain/data-recovery';
import type { Clock } from './clock';
import type { CoreEvents } from './events';
import type { Keychain } from './keychain/keychain';
import type { Platform } from './platform/ports';

/** How a process opens the core (core.ts), and the recovery of its optional parts. */
export interface CoreOptions {
  /** The data folder: Electron's userData, or --data-dir / KEYHAVEN_DATA_DIR. */
  dataDir: string;
  keychain: Keychain;
  clock?: Clock;
  version: string;
  /** Where background failures (a usage flush) are reported; redacted by the caller. */
  logError?: (line: string) => void;
  /**
   * The desktop: clipboard and power events. Without it (benches, most tests) Copy answers
   * UNAVAILABLE and nothing locks on idle; there is no fallback clipboard.
   */
  platform?: Platform;
  /** Who this process's activity records name (default: the app). */
  actor?: ActivityActor;
  /** A process that opens the folder for one command (the command line): see JournaledStoreOptions.shortLived. */
  shortLived?: boolean;
  /** False for a process that sends no requests (the command line): console.json is not opened. */
  console?: boolean;
  /** Where the core's events go; a host passes its own, which outlives a reopen of the core. */
  events?: CoreEvents;
}

export type OptionalPart = 'vaults' | 'console';

/** Each returns where the damaged files were moved (never deleted), then the part is open again. */
export interface PartRecovery {
  problems(): DataProblem[];
  restoreBackup(part: OptionalPart): Promise<string[]>;
  startEmpty(part: OptionalPart): Promise<string[]>;
  retry(part: OptionalPart): Promise<string[]>;
}
