import { create } from 'zustand';
import type {
  AddScopeInput,
  App,
  AppSummary,
  CreateAppInput,
  UpdateAppInput,
  UpdateScopeInput,
} from '../../../shared/domain/app';
import { client, isFailure, type ApiFailure } from '../api/client';

/** How often the list (and with it the expiry badge) is refreshed while Keyhaven is open. */
export const APPS_REFRESH_MS = 60_000;

interface AppsState {
  apps: AppSummary[];
  /** True once a list has arrived; the skeleton shows only before that. */
  loaded: boolean;
  loading: boolean;
  error: ApiFailure | null;
  load: () => Promise<void>;
  create: (input: CreateAppInput) => Promise<App | ApiFailure>;
  update: (input: UpdateAppInput) => Promise<App | ApiFailure>;
  addScope: (input: AddScopeInput) => Promise<App | ApiFailure>;
  updateScope: (input: UpdateScopeInput) => Promise<App | ApiFailure>;
  removeScope: (appId: string, scopeId: string) => Promise<App | ApiFailure>;
  /** Archive revokes every key of the app; delete removes an app with no live key. */
  archive: (appId: string) => Promise<App | ApiFailure>;
  remove: (appId: string) => Promise<null | ApiFailure>;
  /** Reloads the list every `everyMs` until the returned function is called. */
  startRefreshing: (everyMs?: number) => () => void;
}

const byName = (a: AppSummary, b: AppSummary) => a.name.localeCompare(b.name);

const NO_COUNTS = { keyCount: 0, activeKeyCount: 0, expiringSoonCount: 0, expiringWithinDayCount: 0 };

export const useApps = create<AppsState>()((set, get) => {
  /** Puts a changed app into the list, keeping its key counts (they did not change). */
  const replace = (result: App | ApiFailure): App | ApiFailure => {
    if (isFailure(result)) return result;
    const counts = get().apps.find((a) => a.id === result.id) ?? NO_COUNTS;
    const summary: AppSummary = {
      ...result,
      keyCount: counts.keyCount,
      activeKeyCount: counts.activeKeyCount,
      expiringSoonCount: counts.expiringSoonCount,
      expiringWithinDayCount: counts.expiringWithinDayCount,
    };
    set({ apps: [...get().apps.filter((a) => a.id !== result.id), summary].sort(byName) });
    return result;
  };

  return {
    apps: [],
    loaded: false,
    loading: false,
    error: null,
    load: async () => {
      set({ loading: true });
      const result = await client.apps.list();
      if (isFailure(result)) set({ error: result, loading: false });
      else set({ apps: result, loaded: true, loading: false, error: null });
    },
    create: async (input) => replace(await client.apps.create(input)),
    update: async (input) => replace(await client.apps.update(input)),
    addScope: async (input) => replace(await client.apps.addScope(input)),
    updateScope: async (input) => replace(await client.apps.updateScope(input)),
    removeScope: async (appId, scopeId) => replace(await client.apps.removeScope({ appId, scopeId })),
    archive: async (appId) => {
      const result = replace(await client.apps.archive({ appId }));
      if (!isFailure(result)) void get().load(); // its key counts changed
      return result;
    },
    remove: async (appId) => {
      const result = await client.apps.delete({ appId });
      if (!isFailure(result)) set({ apps: get().apps.filter((a) => a.id !== appId) });
      return result;
    },
    startRefreshing: (everyMs = APPS_REFRESH_MS) => {
      const timer = setInterval(() => void get().load(), everyMs);
      return () => clearInterval(timer);
    },
  };
});

export const selectApp =
  (appId: string) =>
  (s: AppsState): AppSummary | undefined =>
    s.apps.find((app) => app.id === appId);

/** Keys expiring within 7 days, across apps: the number on the sidebar's Apps badge. */
export const selectExpiringSoonTotal = (s: AppsState): number =>
  s.apps.reduce((sum, app) => sum + app.expiringSoonCount, 0);

/** True when any key expires within a day: the badge turns urgent. */
export const selectAnyExpiringWithinDay = (s: AppsState): boolean =>
  s.apps.some((app) => app.expiringWithinDayCount > 0);
