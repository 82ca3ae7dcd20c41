import type { Clock } from '../../clock';
import type { Timers } from '../../platform/ports';
import type { Vaults } from '../../vaults/vaults';
import { localMark } from './local-changes';
import type { TeamSyncResult } from './team-sync-cycle';

/**
 * While the app runs (issue 15, item 3), team vaults sync on their own: soon after a change here
 * (an entry whose change mark differs from the one last exchanged, or one deleted), and every few
 * minutes to take teammates' changes in. The check is an in-memory look at vaults.json, so it also
 * sees a change made by the command line in another process. A sync that found the remote offline
 * or failed is not retried at once, but at the next round.
 */
export const CHANGE_CHECK_MS = 3_000;
export const ROUND_MS = 5 * 60_000;
const RETRY_AFTER_PROBLEM_MS = 60_000;

export interface TeamAutoSyncDeps {
  vaults: () => Vaults | null;
  sync: (vaultId: string) => Promise<TeamSyncResult>;
  timers: Timers;
  clock: Clock;
  /** After each background sync: the page re-reads the vault list (sync state) and entries. */
  synced: (result: TeamSyncResult) => void;
  logError: (error: unknown) => void;
}

export class TeamAutoSync {
  private handle: unknown = null;
  private readonly running = new Set<string>();
  private readonly lastTry = new Map<string, { at: number; ok: boolean }>();

  constructor(private readonly deps: TeamAutoSyncDeps) {}

  start(): void {
    this.handle ??= this.deps.timers.setInterval(() => void this.tick(), CHANGE_CHECK_MS);
  }

  stop(): void {
    if (this.handle !== null) this.deps.timers.clearInterval(this.handle);
    this.handle = null;
  }

  /** One look at every team vault; syncs those due. Returns when the syncs it started have ended. */
  async tick(): Promise<void> {
    const due = this.dueVaults();
    await Promise.all(due.map((vaultId) => this.syncOne(vaultId)));
  }

  private dueVaults(): string[] {
    const data = this.deps.vaults()?.db.snapshot();
    if (data === undefined) return [];
    const now = this.deps.clock.now().getTime();
    return data.vaults.flatMap((vault) => {
      if (vault.team === undefined || this.running.has(vault.id)) return [];
      const last = this.lastTry.get(vault.id);
      const since = last === undefined ? Infinity : now - last.at;
      if (since >= ROUND_MS) return [vault.id];
      if (vault.team.readOnly || (last !== undefined && !last.ok && since < RETRY_AFTER_PROBLEM_MS)) return [];
      const entries = data.entries.filter((entry) => entry.vaultId === vault.id);
      const known = vault.team.known;
      const changed =
        entries.some((entry) => known[entry.id] !== localMark(entry)) ||
        Object.keys(known).length !== entries.filter((entry) => known[entry.id] !== undefined).length;
      return changed ? [vault.id] : [];
    });
  }

  private async syncOne(vaultId: string): Promise<void> {
    this.running.add(vaultId);
    try {
      const result = await this.deps.sync(vaultId);
      this.lastTry.set(vaultId, { at: this.deps.clock.now().getTime(), ok: result.state === 'synced' });
      this.deps.synced(result);
    } catch (error) {
      this.lastTry.set(vaultId, { at: this.deps.clock.now().getTime(), ok: false });
      this.deps.logError(error);
    } finally {
      this.running.delete(vaultId);
    }
  }
}
