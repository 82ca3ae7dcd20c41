import type { KeyhavenDb } from '../db/keyhaven-db';
import type { Keychain } from '../keychain/keychain';
import { findApp } from '../db/ops';
import { createAppSecrets, loadAppSecrets, type AppSecrets } from './app-secrets';
import { createKeyHasher, type KeyHasher } from './key-hasher';
import { loadPepper } from './pepper';

/**
 * The secrets issued keys are hashed and keysets signed with, loaded from the keychain on first need
 * and kept for the process's life: the folder's pepper (apps from before per-app secrets) and each
 * app's own item (app-secrets.ts). A failed load (keychain locked, then unlocked) is retried on the
 * next call, not cached.
 */
export class KeySecrets {
  private folder: Promise<KeyHasher> | null = null;
  private readonly apps = new Map<string, Promise<AppSecrets>>();
  /** Hashers once loaded, by app id, for the verification hot path (no promise to await). */
  private readonly loaded = new Map<string, KeyHasher>();

  constructor(
    private readonly db: KeyhavenDb,
    private readonly keychain: Keychain,
  ) {}

  /** A new app's secrets, stored before the app is committed. */
  createFor(appId: string): Promise<void> {
    return createAppSecrets(this.keychain, this.db.snapshot().installationId, appId);
  }

  loadedHasherFor(appId: string): KeyHasher | null {
    return this.loaded.get(appId) ?? null;
  }

  async hasherFor(appId: string): Promise<KeyHasher> {
    const ready = this.loaded.get(appId);
    if (ready) return ready;
    const app = findApp(this.db.snapshot(), appId);
    const hasher =
      app.keyHashing === 'folder' ? await this.folderHasher() : createKeyHasher(await this.pepperOf(appId));
    this.loaded.set(appId, hasher);
    return hasher;
  }

  /** The secret a service verifies this app's keys with: the pepper its keys are hashed under. */
  async pepperOf(appId: string): Promise<Buffer> {
    const app = findApp(this.db.snapshot(), appId);
    if (app.keyHashing === 'folder') return this.folderPepper();
    const own = (await this.secretsOf(appId)).pepper;
    if (own === null) throw new Error('An app with its own pepper has none: app-secrets.ts refuses that on load.');
    return own;
  }

  secretsOf(appId: string): Promise<AppSecrets> {
    return this.retried(this.apps, appId, () => {
      const data = this.db.snapshot();
      const app = findApp(data, appId);
      return loadAppSecrets(
        this.keychain,
        data.installationId,
        app,
        data.keys.some((key) => key.appId === appId),
      );
    });
  }

  private folderPepper(): Promise<Buffer> {
    const data = this.db.snapshot();
    const folderApps = new Set(data.apps.filter((app) => app.keyHashing === 'folder').map((app) => app.id));
    return loadPepper(
      this.keychain,
      data.installationId,
      data.keys.some((key) => folderApps.has(key.appId)),
    );
  }

  private folderHasher(): Promise<KeyHasher> {
    this.folder ??= this.folderPepper().then(createKeyHasher);
    const attempt = this.folder;
    attempt.catch(() => {
      if (this.folder === attempt) this.folder = null;
    });
    return attempt;
  }

  private retried<T>(cache: Map<string, Promise<T>>, id: string, load: () => Promise<T>): Promise<T> {
    const cached = cache.get(id);
    if (cached) return cached;
    const attempt = load();
    cache.set(id, attempt);
    attempt.catch(() => {
      if (cache.get(id) === attempt) cache.delete(id);
    });
    return attempt;
  }
}
