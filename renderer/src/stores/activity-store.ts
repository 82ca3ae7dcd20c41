import { create } from 'zustand';
import type { ActivityListItem, ChainCheck } from '../../../shared/domain/activity';
import { client, isFailure, type ApiFailure } from '../api/client';

/** `ALL` is the global feed; `keyFeed(id)` one issued key's; any other key is an app id. */
export const ALL = '*';
const KEY_FEED = 'key:';
export const keyFeed = (issuedKeyId: string): string => `${KEY_FEED}${issuedKeyId}`;

export interface ActivityFeed {
  /** The log, newest first, under this hour's verifications so far (provisional). */
  records: ActivityListItem[];
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
  /** Every feed already shown, read again (another process recorded, or verified keys). */
  reloadLoaded: () => Promise<void>;
}

export const EMPTY_FEED: ActivityFeed = { records: [], loaded: false, loading: false, error: null };

export const useActivity = create<ActivityState>()((set, get) => {
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
    reloadLoaded: async () => {
      const { feeds, load, loadKey } = get();
      const loaded = Object.keys(feeds).filter((feed) => feeds[feed]?.loaded);
      await Promise.all(
        loaded.map((feed) =>
          feed === ALL ? load() : feed.startsWith(KEY_FEED) ? loadKey(feed.slice(KEY_FEED.length)) : load(feed),
        ),
      );
    },
    checkChain: async () => {
      const result = await client.activity.checkChain();
      set({ chain: isFailure(result) ? { check: null, error: result } : { check: result, error: null } });
    },
  };
});
