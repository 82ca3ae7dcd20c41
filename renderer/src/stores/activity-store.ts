import { create } from 'zustand';
import type { ActivityRecord, ChainCheck } from '../../../shared/domain/activity';
import { client, isFailure, type ApiFailure } from '../api/client';

/** `ALL` is the global feed; `keyFeed(id)` one issued key's; any other key is an app id. */
export const ALL = '*';
export const keyFeed = (issuedKeyId: string): string => `key:${issuedKeyId}`;

export interface ActivityFeed {
  records: ActivityRecord[];
  loaded: boolean;
  loading: boolean;
  error: ApiFailure | null;
}

export interface ChainState {
  check: ChainCheck | null;
  error: ApiFailure | null;
}

interface ActivityState {
  feeds: Record<string, ActivityFeed>;
  /** The whole log's integrity, checked from disk by the core. */
  chain: ChainState;
  load: (appId?: string) => Promise<void>;
  /** The records of one issued key (its page). */
  loadKey: (issuedKeyId: string) => Promise<void>;
  checkChain: () => Promise<void>;
}

export const EMPTY_FEED: ActivityFeed = { records: [], loaded: false, loading: false, error: null };

export const useActivity = create<ActivityState>()((set) => {
  const patch = (feed: string, change: Partial<ActivityFeed>) =>
    set((s) => ({ feeds: { ...s.feeds, [feed]: { ...(s.feeds[feed] ?? EMPTY_FEED), ...change } } }));
  return {
    feeds: {},
    chain: { check: null, error: null },
    load: async (appId) => {
      const feed = appId ?? ALL;
      patch(feed, { loading: true });
      const result = await client.activity.list(appId === undefined ? {} : { appId });
      if (isFailure(result)) patch(feed, { error: result, loading: false });
      else patch(feed, { records: result, loaded: true, loading: false, error: null });
    },
    loadKey: async (issuedKeyId) => {
      const feed = keyFeed(issuedKeyId);
      patch(feed, { loading: true });
      const result = await client.activity.list({ issuedKeyId });
      if (isFailure(result)) patch(feed, { error: result, loading: false });
      else patch(feed, { records: result, loaded: true, loading: false, error: null });
    },
    checkChain: async () => {
      const result = await client.activity.checkChain();
      set({ chain: isFailure(result) ? { check: null, error: result } : { check: result, error: null } });
    },
  };
});
