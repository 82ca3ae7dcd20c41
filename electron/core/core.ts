import type { DataProblem } from '../../shared/domain/data-recovery';
import type { SystemStatus } from '../../shared/domain/system';
import type { TestApiSettings } from '../../shared/domain/test-api';
import { judgeError } from './api/error-judge';
import { importLegacyActivity } from './activity/legacy-import';
import { AppRetirement } from './apps/app-retirement';
import { AppService } from './apps/app-service';
import { ScopeCatalog } from './apps/scope-catalog';
import { systemClock, type Clock } from './clock';
import type { KeyhavenDb } from './db/keyhaven-db';
import { openKeyhavenData } from './db/recorded-commit';
import { probeKeychain } from './keychain/keychain-probe';
import { IssuingService } from './keys/issuing';
import { KeyEditing } from './keys/key-editing';
import { KeyLifecycle } from './keys/key-lifecycle';
import { KeyUsageReport } from './keys/key-usage';
import { liveActivity, type LiveActivity } from './keys/live-activity';
import { KeyService } from './keys/key-service';
import { KeySecrets } from './keys/key-secrets';
import { KeysetRefresher } from './keysets/keyset-refresher';
import { KeysetService } from './keysets/keyset-service';
import { testApiKeysOf } from './keys/test-api-keys';
import { ExpiryReminders } from './keys/reminders';
import { UsageRecorder } from './keys/usage-recorder';
import { realTimers } from './platform/ports';
import type { ConsoleService } from './console/console-service';
import { SecretReferences } from './vaults/secret-references';
import { CoreEvents } from './events';
import { notOpened } from './errors';
import { RecoverablePart } from './recovery/recoverable-part';
import { TestApiControl } from './test-api/test-api-control';
import { AutoLock } from './vaults/auto-lock';
import { ClipboardGuard } from './vaults/clipboard-guard';
import { RecordedEntryActions } from './vaults/recorded-entry-actions';
import { RecordedVaultActions } from './vaults/recorded-vault-actions';
import { IssuedKeyEntries } from './vaults/issued-key-entries';
import { DEFAULT_VAULT_SETTINGS } from '../../shared/domain/vault';
import { openVaults, type Vaults } from './vaults/vaults';
import { lockStatusOf } from './vaults/lock-status';
import type { LockStatus } from '../../shared/domain/vault-lock';
import type { CoreOptions, PartRecovery } from './core-options';
import { openTeams, type TeamsPart } from './team/link/open-teams';

export type { CoreOptions, OptionalPart, PartRecovery } from './core-options';

/**
 * Keyhaven's domain, without Electron: what main, the browser harness, the tests and the benchmarks
 * all open. Opening fails with a StorageError (never with empty data) when keyhaven.json is damaged or
 * from a newer version. vaults.json and console.json are parts Keyhaven runs without: when one cannot
 * be opened, `vaults` or `console` answers every caller with a PartUnavailableError naming the
 * problem, `recovery` offers the way back, and everything else works.
 */
export interface Core {
  readonly dataDir: string;
  readonly db: KeyhavenDb;
  /** The hash-chained log of what happened (db/recorded-commit.ts), with this hour's verifications so far. */
  readonly activity: LiveActivity;
  readonly apps: AppService;
  /** Archive (its keys revoked) and delete (once no key of it may still work). */
  readonly appRetirement: AppRetirement;
  readonly scopes: ScopeCatalog;
  readonly keys: KeyService;
  /** The folder's and each app's secrets in the keychain: hashing and keyset signing. */
  readonly secrets: KeySecrets;
  readonly lifecycle: KeyLifecycle;
  /** Signed keysets for services that verify keys offline: export, publish, the test API's copy. */
  readonly keysets: KeysetService;
  readonly reminders: ExpiryReminders;
  readonly usage: UsageRecorder;
  readonly vaults: Vaults;
  /** Show, Copy, edit, export, import, lock and unlock of vault keys, each recorded in the activity log. */
  readonly vaultActions: RecordedVaultActions;
  /** Move, copy, bulk delete and tag, restoring a version: each recorded in the activity log. */
  readonly entryActions: RecordedEntryActions;
  /** The keys:* channels' one object: generate and rotate hold the new plaintext for Save in vault and Copy. */
  readonly issuing: IssuingService;
  readonly clipboard: ClipboardGuard;
  /** Team vaults shared through git (issue 15), and this data folder's team identity. */
  readonly teams: TeamsPart['teams'];
  readonly teamIdentity: TeamsPart['teamIdentity'];
  /** The request console: sends in main, keeps history and saved requests in console.json. */
  readonly console: ConsoleService;
  /** Settings → Local test API (off until started). */
  readonly testApi: TestApiControl;
  readonly clock: Clock;
  /** Vaults locked on their own, data changed by another process: for the page. */
  readonly events: CoreEvents;
  /** Vaults and console files that could not be opened, and what to do about them. */
  readonly recovery: PartRecovery;
  status(): Promise<SystemStatus>;
  /** What Unlock asks for, how many vaults are open, and how long until idle locks them. */
  lockStatus(): LockStatus;
  /** Clears our clipboard copy, locks the vaults, flushes pending usage counts, then closes the data files. */
  close(): Promise<void>;
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  await importLegacyActivity(options.dataDir);
  const logError = options.logError ?? ((line: string) => console.error(line));
  // Background failures have no caller to answer: the log gets the judged line (error-judge.ts).
  const events = options.events ?? new CoreEvents((error) => logError(judgeError(error, 'an event listener').log));
  // Another process's commits (store-follower.ts) reach the page as data:changed.
  const changed = (part: 'keys' | 'vaults' | 'console') => () => events.emit('data:changed', { parts: [part] });
  // Vault entries are sealed with the same key as key records; vaults.json opens after keyhaven.json.
  let vaultsOpen: () => Vaults | null = () => null;
  const { db, seals } = await openKeyhavenData(options.dataDir, {
    keychain: options.keychain,
    otherSeals: {
      hasSealed: () => vaultsOpen()?.entrySeals.hasSealed() ?? false,
      sealExisting: async (sealer) => {
        await vaultsOpen()?.entrySeals.sealExisting(sealer);
      },
    },
    now,
    actor: options.actor ?? 'app',
    shortLived: options.shortLived === true,
    onDeliveryError: (error) =>
      logError(judgeError(error, 'copying activity to activity.jsonl (kept in keyhaven.json)').log),
  });
  db.onExternalChange(changed('keys'));
  const secrets = new KeySecrets(db, options.keychain);
  const usage = new UsageRecorder(
    db,
    now,
    (error) => logError(judgeError(error, 'saving key usage').log),
    () => events.emit('activity:counted', {}),
  );
  const vaultsPart = await RecoverablePart.open<Vaults>({
    part: 'vaults',
    dataDir: options.dataDir,
    open: async () => {
      const vaults = await openVaults(options.dataDir, options.keychain, clock, seals, {
        shortLived: options.shortLived === true,
        presence: options.platform?.presence ?? null,
      });
      vaults.db.onExternalChange(changed('vaults'));
      return vaults;
    },
    close: (vaults) => vaults.close(),
    now,
  });
  const timers = options.platform?.timers ?? realTimers;
  const clipboard = new ClipboardGuard(options.platform?.clipboard ?? null, timers, (copyId, outcome) =>
    events.emit('clipboard:released', { copyId, outcome }),
  );
  vaultsOpen = () => vaultsPart.current();
  const vaultActions = new RecordedVaultActions(db, () => vaultsPart.get(), clipboard);
  const entryActions = new RecordedEntryActions(db, () => vaultsPart.get());
  const keys = new KeyService(db, secrets, seals, usage, clock);
  const lifecycle = new KeyLifecycle(db, secrets, clock);
  const vault = new IssuedKeyEntries(db, () => vaultsPart.get());
  const keysets = new KeysetService(db, secrets, seals, clock, (error) =>
    logError(judgeError(error, 'saving why a keyset could not be published').log),
  );
  const editing = new KeyEditing(db, clock);
  const keyUsage = new KeyUsageReport(db, usage, clock);
  const issuing = new IssuingService({ keys, keysets, lifecycle, editing, usage: keyUsage, vault, clipboard, clock });
  // Without vaults.json there is nothing to lock, and the settings are the defaults.
  const autoLock = options.platform
    ? new AutoLock(
        options.platform.power,
        timers,
        () => vaultsPart.current()?.vaults.settings() ?? DEFAULT_VAULT_SETTINGS,
        (reason) => {
          // Locks at once (synchronously); the record of which vaults were open follows.
          if (vaultsPart.current())
            void vaultActions
              .lockedOnItsOwn(reason)
              .catch((error: unknown) => logError(judgeError(error, 'recording vaults locked').log));
          events.emit('vaults:locked', { reason });
        },
      )
    : null;
  autoLock?.start();
  // Only a long-running process (the app, with a platform) keeps published keysets from expiring.
  const refresher = options.platform
    ? new KeysetRefresher(keysets, timers, (error) => logError(judgeError(error, 'refreshing a published keyset').log))
    : null;
  refresher?.start();
  const testApiSettings = {
    saved: () => db.snapshot().testApi,
    save: (settings: TestApiSettings) =>
      db.commit(() => ({ ops: [{ type: 'testApi.set' as const, settings }], result: undefined })),
  };
  const testApi = new TestApiControl(testApiKeysOf(keys, keysets, db, clock), testApiSettings, (line) =>
    logError(line),
  );
  // Only the app (a long-running process with a platform) brings the test API back at launch.
  if (options.platform) void testApi.resume();
  // The console reaches vault entries through the part, so a request naming one answers why not.
  const consoleEntries = {
    reveal: (entryId: string) => vaultsPart.get().entries.reveal(entryId),
    get: (entryId: string) => vaultsPart.get().entries.get(entryId),
    find: (reference: string) => new SecretReferences(() => vaultsPart.get(), db).open(reference),
    recordSent: vaultActions.sent.bind(vaultActions),
    recordShown: vaultActions.shownElsewhere.bind(vaultActions),
  };
  const consolePart =
    options.console === false
      ? null
      : await RecoverablePart.open<ConsoleService>({
          part: 'console',
          dataDir: options.dataDir,
          open: async () => {
            // Loaded when opened (with its HTTP client and snippet generators), so a process that opens no
            // console, the command line, starts without them.
            const { ConsoleService } = await import('./console/console-service');
            const service = await ConsoleService.open(options.dataDir, consoleEntries, {
              clock,
              userAgent: `Keyhaven/${options.version}`,
              logError,
            });
            service.onExternalChange(changed('console'));
            return service;
          },
          close: (service) => service.close(),
          now,
        });
  // The first run's default vault, owed while the keychain was locked or missing, made once it works.
  const settleDefaultVault = async () => {
    const made = await vaultsPart
      .current()
      ?.defaultVault.settle()
      .catch((error: unknown) => {
        logError(judgeError(error, 'creating the default vault').log);
        return false;
      });
    if (made === true) events.emit('data:changed', { parts: ['vaults'] });
  };
  const parts = { vaults: () => vaultsPart, console: () => consolePart ?? notOpened('the request console') };
  const { teams, teamIdentity, autoSync } = openTeams({
    ...{ dataDir: options.dataDir, keychain: options.keychain, clock, timers: options.platform ? timers : null },
    ...{ vaults: () => vaultsPart.get(), vaultsIfOpen: () => vaultsPart.current() },
    installationId: () => db.snapshot().installationId,
    synced: changed('vaults'),
    record: (events) => db.record(events),
    logError: (error) => logError(judgeError(error, 'syncing a team vault').log),
  });
  const problems = (): DataProblem[] =>
    [vaultsPart.problem(), consolePart?.problem() ?? null].filter((problem) => problem !== null);
  return {
    dataDir: options.dataDir,
    db,
    activity: liveActivity(db, usage, clock),
    clock,
    events,
    usage,
    get vaults() {
      return vaultsPart.get();
    },
    issuing,
    teams,
    teamIdentity,
    vaultActions,
    entryActions,
    clipboard,
    testApi,
    get console() {
      return (consolePart ?? notOpened('the request console')).get();
    },
    recovery: {
      problems,
      restoreBackup: (part) => parts[part]().restoreBackup(),
      startEmpty: (part) => parts[part]().startEmpty(),
      retry: (part) => parts[part]().retry(),
    },
    apps: new AppService(db, secrets, clock, (appId) => keysets.afterKeysChanged(appId)),
    appRetirement: new AppRetirement(db, clock, (appId) => keysets.afterKeysChanged(appId)),
    scopes: new ScopeCatalog(db, (appId) => keysets.afterKeysChanged(appId)),
    keys,
    secrets,
    lifecycle,
    keysets,
    reminders: new ExpiryReminders(db, clock),
    lockStatus: () => lockStatusOf(vaultsPart.get().vaults, autoLock?.secondsLeft() ?? null),
    async status() {
      const keychain = await probeKeychain(options.keychain);
      if (keychain.state === 'connected') await settleDefaultVault();
      return { version: options.version, keychain, dataProblems: problems() };
    },
    async close() {
      autoLock?.stop();
      refresher?.stop();
      autoSync?.stop();
      await testApi.shutdown().catch(() => undefined);
      await consolePart?.close().catch(() => undefined);
      issuing.clear();
      try {
        await clipboard.clearIfUnchanged().catch(() => false);
        await usage.close();
      } finally {
        await vaultsPart.close().finally(() => db.close());
      }
    },
  };
}
