/**
 * What main and the browser harness open: the core, or — when keyhaven.json itself cannot be opened —
 * a host that still answers. The window then opens on a recovery page instead of an error box: every
 * request for data answers with the problem (PartUnavailableError), `status()` describes it, and
 * `restoreBackup('keys')` puts the newest clean backup in place and opens the core. Vaults and console
 * problems are the core's own (core.recovery); the host passes those requests through.
 */
import type { DataPart } from '../../shared/domain/data-recovery';
import type { RecoveryResult, SystemStatus } from '../../shared/domain/system';
import { systemClock } from './clock';
import { openCore, type Core, type CoreOptions, type OptionalPart } from './core';
import { probeKeychain } from './keychain/keychain-probe';
import { CoreError } from './errors';
import { CoreEvents } from './events';
import { RecoverablePart } from './recovery/recoverable-part';

export interface CoreHost {
  /** The open core; a PartUnavailableError (STORAGE_*) while keyhaven.json cannot be opened. */
  core(): Core;
  /** The open core or null, for background work that simply waits (expiry reminders). */
  openCore(): Core | null;
  status(): Promise<SystemStatus>;
  restoreBackup(part: DataPart): Promise<RecoveryResult>;
  startEmpty(part: OptionalPart): Promise<RecoveryResult>;
  retry(part: DataPart): Promise<RecoveryResult>;
  /** The core's events; the same object across a reopen after keyhaven.json is restored. */
  readonly events: CoreEvents;
  close(): Promise<void>;
}

/** Opens the core in `options.dataDir`; a damaged keyhaven.json leaves the host open and the core not. */
export async function openCoreHost(options: CoreOptions): Promise<CoreHost> {
  const now = () => (options.clock ?? systemClock).now();
  const events = options.events ?? new CoreEvents();
  const keys = await RecoverablePart.open<Core>({
    part: 'keys',
    dataDir: options.dataDir,
    open: () => openCore({ ...options, events }),
    close: (core) => core.close(),
    now,
  });
  return hostOver(keys, events, async () => ({
    version: options.version,
    keychain: await probeKeychain(options.keychain),
    dataProblems: [],
  }));
}

/** A host over a core that is already open (tests, benches): keyhaven.json has no problem to recover. */
export function hostOf(core: Core): CoreHost {
  const fixed = {
    get: () => core,
    current: () => core,
    problem: () => null,
    restoreBackup: () => Promise.reject(nothingToRecover()),
    retry: () => Promise.reject(nothingToRecover()),
    close: () => core.close(),
  };
  return hostOver(fixed, core.events, () => core.status());
}

type KeysPart = Pick<RecoverablePart<Core>, 'get' | 'current' | 'problem' | 'restoreBackup' | 'retry' | 'close'>;

function hostOver(keys: KeysPart, events: CoreEvents, statusWithoutCore: () => Promise<SystemStatus>): CoreHost {
  const status = async (): Promise<SystemStatus> => {
    const core = keys.current();
    if (core) return core.status();
    const problem = keys.problem();
    const base = await statusWithoutCore();
    return { ...base, dataProblems: problem ? [problem] : [] };
  };
  const after = async (keptAs: Promise<string[]>): Promise<RecoveryResult> => ({
    keptAs: await keptAs,
    status: await status(),
  });
  return {
    core: () => keys.get(),
    openCore: () => keys.current(),
    status,
    restoreBackup: (part) => after(part === 'keys' ? keys.restoreBackup() : keys.get().recovery.restoreBackup(part)),
    startEmpty: (part) => after(keys.get().recovery.startEmpty(part)),
    retry: (part) => after(part === 'keys' ? keys.retry() : keys.get().recovery.retry(part)),
    events,
    close: () => keys.close(),
  };
}

function nothingToRecover(): CoreError {
  return new CoreError('CONFLICT', 'keyhaven.json is open: there is nothing to recover.');
}
