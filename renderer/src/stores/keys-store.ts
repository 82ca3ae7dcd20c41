import { create } from 'zustand';
import type { IssuedKeySummary } from '../../../shared/domain/issued-key';
import { client, isFailure, type ApiFailure } from '../api/client';

/**
 * Issued keys per app: summaries only. A key's plaintext never enters this store; it lives in the
 * "Store your API key" step's local state and dies with it.
 */
export interface KeyList {
  keys: IssuedKeySummary[];
  loaded: boolean;
  loading: boolean;
  error: ApiFailure | null;
}

interface KeysState {
  byApp: Record<string, KeyList>;
  load: (appId: string) => Promise<void>;
  keyAdded: (key: IssuedKeySummary) => void;
}

export const EMPTY_KEY_LIST: KeyList = { keys: [], loaded: false, loading: false, error: null };

export const useKeys = create<KeysState>()((set, get) => {
  const patch = (appId: string, change: Partial<KeyList>) =>
    set((s) => ({ byApp: { ...s.byApp, [appId]: { ...(s.byApp[appId] ?? EMPTY_KEY_LIST), ...change } } }));
  return {
    byApp: {},
    load: async (appId) => {
      patch(appId, { loading: true });
      const result = await client.keys.list({ appId });
      if (isFailure(result)) patch(appId, { error: result, loading: false });
      else patch(appId, { keys: result, loaded: true, loading: false, error: null });
    },
    keyAdded: (key) => {
      const current = get().byApp[key.appId]?.keys ?? [];
      // Only the summary fields are kept, whatever object the caller passed in.
      const summary: IssuedKeySummary = {
        id: key.id,
        appId: key.appId,
        name: key.name,
        keyPrefix: key.keyPrefix,
        keyId: key.keyId,
        scopes: [...key.scopes],
        createdAt: key.createdAt,
        expiresAt: key.expiresAt,
        revokedAt: key.revokedAt,
        lastUsedAt: key.lastUsedAt,
        useCount: key.useCount,
        status: key.status,
      };
      patch(key.appId, { keys: [summary, ...current.filter((k) => k.id !== key.id)] });
    },
  };
});
