import { join } from 'node:path';
import type { ActivityActor, ChainCheck } from '../../../shared/domain/activity';
import { chainEvents, type ActivityEvent } from '../activity/activity-event';
import { ActivityLog } from '../activity/activity-log';
import type { Keychain } from '../keychain/keychain';
import type { RecordSealer } from '../integrity/record-sealer';
import { SealSource } from '../integrity/seal-source';
import { sealKey } from '../keys/key-seal';
import {
  openKeyhavenStore,
  type ActivityReader,
  type KeyhavenDb,
  type KeyhavenStore,
  type PlannedChange,
} from './keyhaven-db';
import type { KeyhavenFile } from './schema';

export interface KeyhavenDataOptions extends RecordedDbOptions {
  keychain: Keychain;
  /** Whether another data file holds sealed records (vault entries), and sealing its unsealed ones. */
  otherSeals?: { hasSealed: () => boolean; sealExisting: (sealer: RecordSealer) => Promise<void> };
}

/**
 * keyhaven.json with its activity log and the record seal key its key records are sealed with. The
 * seal source reads the data through closures, so it exists before the store it seals for.
 */
export async function openKeyhavenData(
  dataDir: string,
  options: KeyhavenDataOptions,
): Promise<{ db: RecordedDb; seals: SealSource }> {
  // Called only once the store below is open: by commits and verifications, never while opening.
  const data = () => store.snapshot();
  const seals = new SealSource({
    keychain: options.keychain,
    installationId: () => data().installationId,
    lockFile: join(dataDir, 'seal-key'),
    hasSealedRecords: () => data().keys.some((key) => key.seal !== null) || (options.otherSeals?.hasSealed() ?? false),
    sealExisting: async (sealer) => {
      await options.otherSeals?.sealExisting(sealer);
      await store.commit((current) => ({
        ops: [
          ...current.keys
            .filter((key) => key.seal === null)
            .map((key) => ({ type: 'key.seal' as const, id: key.id, seal: sealKey(sealer, key) })),
          { type: 'records.sealed' as const, at: options.now().toISOString() },
        ],
        result: null,
      }));
    },
  });
  const store = await openKeyhavenStore(dataDir, seals, options.shortLived);
  return { db: await RecordedDb.open(dataDir, store, options), seals };
}

export interface RecordedDbOptions {
  now: () => Date;
  /** Who this process's records name: the app, or the command line. */
  actor: ActivityActor;
  /** See DocumentOptions.shortLived (the command line); the activity log is then read from its tail only. */
  shortLived?: boolean;
  /** A committed record that could not be copied to activity.jsonl yet: it stays committed and is retried. */
  onDeliveryError: (error: unknown) => void;
}

/**
 * A change and its activity records are one commit: the records are numbered and chained on from the
 * head kept in keyhaven.json and go into the same journal line as the change's ops, with the new head
 * (Unkey writes a key and its audit record in one transaction; this is the journal's version of it).
 * Only then are they copied to activity.jsonl. After a crash or a disk error at any point, the records
 * of every committed change are in keyhaven.json's outbox and reach activity.jsonl at the next commit,
 * open or check, and no record reaches it whose change was not committed.
 */
export class RecordedDb implements KeyhavenDb {
  readonly activity: ActivityReader;

  private constructor(
    private readonly store: KeyhavenStore,
    private readonly log: ActivityLog,
    private readonly options: RecordedDbOptions,
  ) {
    this.activity = { list: (query) => log.list(query), check: () => this.checkActivity() };
  }

  static async open(dataDir: string, store: KeyhavenStore, options: RecordedDbOptions): Promise<RecordedDb> {
    const log = await ActivityLog.open(dataDir, { tailOnly: options.shortLived === true });
    const db = new RecordedDb(store, log, options);
    // A folder from before version 3: its log as found becomes the chain's head, once.
    if (store.snapshot().activity.head === null) {
      const head = db.log.delivered;
      await store.commit(() => ({ ops: [{ type: 'activity.anchor', head }], result: null }));
    }
    await db.deliver();
    return db;
  }

  get file(): string {
    return this.store.file;
  }

  snapshot(): Readonly<KeyhavenFile> {
    return this.store.snapshot();
  }

  async commit<R>(plan: (data: Readonly<KeyhavenFile>) => PlannedChange<R>): Promise<R> {
    const result = await this.store.commit((data) => {
      const planned = plan(data);
      const events = planned.activity ?? [];
      if (events.length === 0) return planned;
      if (data.activity.head === null) throw new Error('The activity chain has no head yet (see RecordedDb.open).');
      const records = chainEvents(data.activity.head, events, this.options.now(), this.options.actor);
      const delivered = this.log.delivered.seq;
      return { ops: [...planned.ops, { type: 'activity.append', records, delivered }], result: planned.result };
    });
    await this.deliver();
    return result;
  }

  async record(events: readonly ActivityEvent[]): Promise<void> {
    if (events.length > 0) await this.commit(() => ({ ops: [], result: null, activity: [...events] }));
  }

  /** Another process's commit: its records are delivered (by it or by us) before anyone is told. */
  onExternalChange(listener: () => void): () => void {
    return this.store.onExternalChange(() => {
      void this.deliver().then(listener);
    });
  }

  close(): Promise<void> {
    return this.store.close();
  }

  /** Copies committed records to activity.jsonl; a failure leaves them committed for the next try. */
  private async deliver(): Promise<void> {
    try {
      await this.log.deliver(this.store.snapshot().activity.outbox);
      await this.log.refresh();
    } catch (error) {
      this.options.onDeliveryError(error);
    }
  }

  private async checkActivity(): Promise<ChainCheck> {
    await this.deliver();
    return this.log.check(async () => {
      await this.store.refreshFromDisk();
      return this.store.snapshot().activity.head;
    });
  }
}
