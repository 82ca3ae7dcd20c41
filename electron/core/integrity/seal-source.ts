import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CoreError } from '../errors';
import type { Keychain } from '../keychain/keychain';
import { acquireFileLock } from '../storage';
import { RecordSealer } from './record-sealer';

export const sealAccount = (installationId: string): string => `seal:${installationId}`;

/**
 * In the keychain: the key, and whether the records found when it was made are all sealed yet.
 * `upgrading` survives a crash in the middle of sealing them, so the next load finishes the job.
 */
const storedSchema = z.strictObject({
  v: z.literal(1),
  key: z.base64(),
  state: z.enum(['upgrading', 'sealed']),
});

export interface SealSourceOptions {
  keychain: Keychain;
  installationId: () => string;
  /**
   * A lock file in the data folder (`seal-key`): two processes opening a new folder at once would each
   * make a key and the last keychain write would win, leaving the other's seals unverifiable.
   */
  lockFile: string;
  /** True when any record carries a seal: then a missing key is not a new folder but a lost key. */
  hasSealedRecords: () => boolean;
  /** Seals every record that has no seal yet (a folder from before seals): once, when the key is made. */
  sealExisting: (sealer: RecordSealer) => Promise<void>;
}

/**
 * The record seal key, loaded from the keychain on first need and kept for the process's life. Its
 * presence in the keychain is what makes seals binding: a record without a valid seal is refused, and
 * removing a seal from the file cannot pass a record off as one from before seals existed.
 */
export class SealSource {
  /** The sealer once loaded, for hot paths and synchronous commit plans. */
  loaded: RecordSealer | null = null;
  private pending: Promise<RecordSealer> | null = null;
  /** Why the last load failed: what a commit that needs a seal answers meanwhile. */
  private failure: unknown = null;
  /**
   * Marks the commits that seal records from before seals: they run inside the load and must not wait
   * for it, while every other commit meanwhile waits until the key is ready.
   */
  private readonly upgrade = new AsyncLocalStorage<true>();

  constructor(private readonly o: SealSourceOptions) {}

  sealer(): Promise<RecordSealer> {
    if (this.loaded) return Promise.resolve(this.loaded);
    this.pending ??= this.load()
      .catch((error: unknown) => {
        this.failure = error;
        throw error;
      })
      .finally(() => {
        this.pending = null; // a failure (keychain locked) is retried on the next call
      });
    return this.pending;
  }

  /** Before a commit (storage prepareCommit): load if need be; never waits on the upgrade it is part of. */
  prepare(): Promise<unknown> {
    return this.loaded || this.upgrade.getStore() ? Promise.resolve() : this.sealer();
  }

  /** For a synchronous commit plan that must seal: the sealer, or why there is none. */
  require(): RecordSealer {
    if (this.loaded) return this.loaded;
    throw (
      this.failure ?? new CoreError('INTERNAL', 'The record seal key was not loaded before a commit that needs it.')
    );
  }

  private async load(): Promise<RecordSealer> {
    await mkdir(dirname(this.o.lockFile), { recursive: true, mode: 0o700 });
    const release = await acquireFileLock(this.o.lockFile, { timeoutMs: 10_000 });
    try {
      return await this.loadLocked();
    } finally {
      await release();
    }
  }

  private async loadLocked(): Promise<RecordSealer> {
    const account = sealAccount(this.o.installationId());
    const raw = await this.o.keychain.get(account);
    if (raw === null) {
      if (this.o.hasSealedRecords()) throw missing('is missing');
      const key = randomBytes(32).toString('base64');
      await this.o.keychain.set(account, JSON.stringify({ v: 1, key, state: 'upgrading' }));
      return this.finishUpgrade(account, key);
    }
    let stored: z.infer<typeof storedSchema>;
    try {
      stored = storedSchema.parse(JSON.parse(raw));
    } catch {
      throw missing('is damaged');
    }
    if (stored.state === 'upgrading') return this.finishUpgrade(account, stored.key);
    this.loaded = new RecordSealer(Buffer.from(stored.key, 'base64'));
    this.failure = null;
    return this.loaded;
  }

  private async finishUpgrade(account: string, key: string): Promise<RecordSealer> {
    const sealer = new RecordSealer(Buffer.from(key, 'base64'));
    await this.upgrade.run(true, () => this.o.sealExisting(sealer));
    await this.o.keychain.set(account, JSON.stringify({ v: 1, key, state: 'sealed' }));
    this.loaded = sealer;
    this.failure = null;
    return sealer;
  }
}

function missing(state: string): CoreError {
  return new CoreError(
    'KEYCHAIN_DATA_MISSING',
    `The secret Keyhaven uses to protect your key records and vault entry settings ${state} in the system keychain. This happens when a data folder is copied from another computer or the keychain was reset. Keys and entries saved before cannot be trusted here; nothing was changed.`,
  );
}
