import { DEFAULT_KEYSET_SETTINGS } from '../../../shared/domain/app';

/**
 * Forward migrations of `keyhaven.json`, `[n]` turning version n into n + 1. The storage layer writes
 * `keyhaven.json.v<n>.bak` before running them.
 */
interface V1Key {
  appId: string;
  [field: string]: unknown;
}
interface V1File {
  apps: { id: string; keyPrefix: string }[];
  keys: V1Key[];
  activity?: unknown[];
  [field: string]: unknown;
}

export const keyhavenMigrations = {
  // v2: keys remember their own prefix and expiration setting; activity moved to activity.jsonl (its
  // v1 records are carried over by activity/legacy-import.ts before this runs); journal sequence added.
  1: (old: unknown): unknown => {
    const v1 = old as V1File;
    const prefixOf = new Map(v1.apps.map((app) => [app.id, app.keyPrefix]));
    const { activity: _activity, ...rest } = v1;
    return {
      ...rest,
      journalSeq: 0,
      verifyBuckets: [],
      keys: v1.keys.map((key) => ({
        ...key,
        prefix: prefixOf.get(key.appId) ?? 'key',
        expiration: key['expiresAt'] ? { kind: 'custom', at: key['expiresAt'] } : { kind: 'never' },
        remindersSent: [],
      })),
    };
  },
  // v3: the activity chain's head and undelivered records are committed with the changes they record.
  // The head is anchored to activity.jsonl as found at the first open (db/recorded-commit.ts).
  // Keys get a seal (keys/key-seal.ts), null until the seal key is made and seals them all, once.
  2: (old: unknown): unknown => {
    const v2 = old as { keys: Record<string, unknown>[] };
    const keys = v2.keys.map((key) => ({ ...key, seal: null }));
    return { ...v2, keys, activity: { head: null, outbox: [] }, sealedAt: null };
  },
  // v4: per-app secrets and keysets (issue 12); the local test API's kept port (issue 13). Existing apps keep hashing under the folder's pepper,
  // so every key issued before verifies unchanged; their keysets start at sequence 0, unpublished.
  3: (old: unknown): unknown => {
    const v3 = old as { apps: Record<string, unknown>[] };
    return {
      ...v3,
      apps: v3.apps.map((app) => ({ ...app, keyHashing: 'folder', keyset: { ...DEFAULT_KEYSET_SETTINGS } })),
      importedUsage: [],
      testApi: { port: null, running: false },
    };
  },
  // v5: apps say how their keys are sent (issue 14). Existing apps get Bearer: it is the scheme Save in
  // vault gave every key of theirs so far, so their vault entries and their Settings agree.
  4: (old: unknown): unknown => {
    const v4 = old as { apps: Record<string, unknown>[] };
    return { ...v4, apps: v4.apps.map((app) => ({ ...app, headerScheme: 'bearer' })) };
  },
  // v6 (issue 14): a key gets a note and can be disabled for a while; an app can be archived. Nothing
  // starts disabled or archived, and the seal of a key that is not disabled covers what it did before
  // (keys/key-seal.ts), so every existing seal still holds.
  5: (old: unknown): unknown => {
    const v5 = old as { apps: Record<string, unknown>[]; keys: Record<string, unknown>[] };
    return {
      ...v5,
      apps: v5.apps.map((app) => ({ ...app, archivedAt: null })),
      keys: v5.keys.map((key) => ({ ...key, note: '', disabledAt: null })),
    };
  },
};
