import type { SystemStatus } from '../../shared/domain/system';
import { ActivityLog } from './activity/activity-log';
import { redact } from './api/redact';
import { importLegacyActivity } from './activity/legacy-import';
import { AppService } from './apps/app-service';
import { ScopeCatalog } from './apps/scope-catalog';
import { systemClock, type Clock } from './clock';
import { openKeyhavenDb, type KeyhavenDb } from './db/keyhaven-db';
import type { Keychain } from './keychain/keychain';
import { KeyLifecycle } from './keys/key-lifecycle';
import { KeyService } from './keys/key-service';
import { PepperSource } from './keys/pepper-source';
import { ExpiryReminders } from './keys/reminders';
import { UsageRecorder } from './keys/usage-recorder';
import { realTimers, type Platform } from './platform/ports';
import { ConsoleService } from './console/console-service';
import { TestApiControl } from './test-api/test-api-control';
import { AutoLock } from './vaults/auto-lock';
import { ClipboardGuard } from './vaults/clipboard-guard';
import { IssuedKeyVaulting } from './vaults/issued-key-vaulting';
import { openVaults, type Vaults } from './vaults/vaults';

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
}

/**
 * Keyhaven's domain, without Electron: what main, the browser harness, the tests and the benchmarks
 * all open. Opening fails with a StorageError (never with empty data) when the data file is damaged
 * or from a newer version.
 */
export interface Core {
  readonly dataDir: string;
  readonly db: KeyhavenDb;
  readonly activity: ActivityLog;
  readonly apps: AppService;
  readonly scopes: ScopeCatalog;
  readonly keys: KeyService;
  readonly lifecycle: KeyLifecycle;
  readonly reminders: ExpiryReminders;
  readonly usage: UsageRecorder;
  readonly vaults: Vaults;
  /** Generate and rotate through here: they hold the new plaintext for Save in vault and update entries. */
  readonly issuing: IssuedKeyVaulting;
  readonly clipboard: ClipboardGuard;
  /** The request console: sends in main, keeps history and saved requests in console.json. */
  readonly console: ConsoleService;
  /** Settings → Local test API (off until started). */
  readonly testApi: TestApiControl;
  readonly clock: Clock;
  status(): Promise<SystemStatus>;
  /** Clears our clipboard copy, locks the vaults, flushes pending usage counts, then closes the data files. */
  close(): Promise<void>;
}

const PROBE_ACCOUNT = 'probe';

/** Storage and system errors name files and codes, never secrets; anything else is redacted. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  return redact(`${error.name}: ${error.message}`);
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  await importLegacyActivity(options.dataDir);
  const logError = options.logError ?? ((line: string) => console.error(line));
  const activity = await ActivityLog.open(options.dataDir, now, (error) =>
    logError(`[keyhaven] recording activity failed: ${describeFailure(error)}`),
  );
  const db = await openKeyhavenDb(options.dataDir);
  const pepper = new PepperSource(db, options.keychain);
  const usage = new UsageRecorder(db, activity, now, (error) =>
    logError(`[keyhaven] saving key usage failed: ${describeFailure(error)}`),
  );
  const vaults = await openVaults(options.dataDir, options.keychain, clock);
  const timers = options.platform?.timers ?? realTimers;
  const clipboard = new ClipboardGuard(options.platform?.clipboard ?? null, timers);
  const keys = new KeyService(db, activity, pepper, usage, clock);
  const lifecycle = new KeyLifecycle(db, activity, pepper, clock);
  const issuing = new IssuedKeyVaulting(db, keys, lifecycle, vaults, activity, clipboard, clock);
  const autoLock = options.platform
    ? new AutoLock(
        options.platform.power,
        timers,
        () => vaults.vaults.settings(),
        () => vaults.vaults.lockAll(),
      )
    : null;
  autoLock?.start();
  const testApi = new TestApiControl({ keys, db, clock }, (line) => logError(line));
  const consoleService = await ConsoleService.open(options.dataDir, vaults.entries, {
    clock,
    userAgent: `Keyhaven/${options.version}`,
  });
  return {
    dataDir: options.dataDir,
    db,
    activity,
    clock,
    usage,
    vaults,
    issuing,
    clipboard,
    testApi,
    console: consoleService,
    apps: new AppService(db, activity, clock),
    scopes: new ScopeCatalog(db, activity),
    keys,
    lifecycle,
    reminders: new ExpiryReminders(db, clock),
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
    async close() {
      autoLock?.stop();
      await testApi.stop().catch(() => undefined);
      await consoleService.close().catch(() => undefined);
      issuing.clear();
      try {
        await clipboard.clearIfUnchanged().catch(() => false);
        await usage.close();
      } finally {
        await vaults.close().finally(() => db.close());
      }
    },
  };
}
