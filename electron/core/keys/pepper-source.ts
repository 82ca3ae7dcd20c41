import type { KeyhavenDb } from '../db/keyhaven-db';
import type { Keychain } from '../keychain/keychain';
import { createKeyHasher, type KeyHasher } from './key-hasher';
import { loadPepper } from './pepper';

/** Loads the pepper from the keychain on first need and keeps the hasher for the process's life. */
export class PepperSource {
  private cached: Promise<KeyHasher> | null = null;
  /** The hasher once loaded, for the verification hot path (no promise to await). */
  loaded: KeyHasher | null = null;

  constructor(
    private readonly db: KeyhavenDb,
    private readonly keychain: Keychain,
  ) {}

  hasher(): Promise<KeyHasher> {
    this.cached ??= this.load();
    const attempt = this.cached;
    // A failed load (keychain locked, then unlocked) is retried on the next call, not cached.
    attempt.catch(() => {
      if (this.cached === attempt) this.cached = null;
    });
    return attempt;
  }

  private async load(): Promise<KeyHasher> {
    const data = this.db.snapshot();
    this.loaded = createKeyHasher(await loadPepper(this.keychain, data.installationId, data.keys.length > 0));
    return this.loaded;
  }
}
