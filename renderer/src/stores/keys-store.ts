import { z } from 'zod';
import { create } from 'zustand';
import { issuedKeySummarySchema, type IssuedKeySummary, type UpdateKeyInput } from '../../../shared/domain/issued-key';
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
  /** Adds or replaces keys (a generated key; a rotation's new and replaced keys), newest first. */
  keysChanged: (keys: readonly IssuedKeySummary[]) => void;
  revoke: (id: string) => Promise<IssuedKeySummary | ApiFailure>;
  /** The key's page: rename or note, and disable or enable (a temporary stop). */
  update: (input: UpdateKeyInput) => Promise<IssuedKeySummary | ApiFailure>;
  setDisabled: (id: string, disabled: boolean) => Promise<IssuedKeySummary | ApiFailure>;
}

export const EMPTY_KEY_LIST: KeyList = { keys: [], loaded: false, loading: false, error: null };

// The summary's own schema, non-strict: unknown fields (a plaintext, if a caller ever passed a whole
// GeneratedKey) are dropped, so only summary fields can reach the store.
const keepSummaryFields = z.object(issuedKeySummarySchema.shape);
const summaryOf = (key: IssuedKeySummary): IssuedKeySummary => keepSummaryFields.parse(key);

export const useKeys = create<KeysState>()((set, get) => {
  const patch = (appId: string, change: Partial<KeyList>) =>
    set((s) => ({ byApp: { ...s.byApp, [appId]: { ...(s.byApp[appId] ?? EMPTY_KEY_LIST), ...change } } }));
  const keysChanged = (changed: readonly IssuedKeySummary[]) => {
    for (const key of changed) {
      const current = get().byApp[key.appId]?.keys ?? [];
      const index = current.findIndex((k) => k.id === key.id);
      const keys =
        index === -1 ? [summaryOf(key), ...current] : current.map((k, i) => (i === index ? summaryOf(key) : k));
      patch(key.appId, { keys });
    }
  };
  const changedBy = (result: IssuedKeySummary | ApiFailure): IssuedKeySummary | ApiFailure => {
    if (!isFailure(result)) keysChanged([result]);
    return result;
  };
  return {
    byApp: {},
    load: async (appId) => {
      patch(appId, { loading: true });
      const result = await client.keys.list({ appId });
      if (isFailure(result)) patch(appId, { error: result, loading: false });
      else patch(appId, { keys: result, loaded: true, loading: false, error: null });
    },
    keysChanged,
    revoke: async (id) => changedBy(await client.keys.revoke({ id })),
    update: async (input) => changedBy(await client.keys.update(input)),
    setDisabled: async (id, disabled) =>
      changedBy(await (disabled ? client.keys.disable({ id }) : client.keys.enable({ id }))),
  };
});
