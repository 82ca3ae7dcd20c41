import { create } from 'zustand';
import type { App, AppSummary, CreateAppInput } from '../../../shared/domain/app';
import { client, isFailure, type ApiFailure } from '../api/client';

interface AppsState {
  apps: AppSummary[];
  /** True once a list has arrived; the skeleton shows only before that. */
  loaded: boolean;
  loading: boolean;
  error: ApiFailure | null;
  load: () => Promise<void>;
  create: (input: CreateAppInput) => Promise<App | ApiFailure>;
}

const byName = (a: AppSummary, b: AppSummary) => a.name.localeCompare(b.name);

export const useApps = create<AppsState>()((set, get) => ({
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
  create: async (input) => {
    const app = await client.apps.create(input);
    if (!isFailure(app)) {
      const summary: AppSummary = { ...app, keyCount: 0, activeKeyCount: 0 };
      set({ apps: [...get().apps.filter((a) => a.id !== app.id), summary].sort(byName) });
    }
    return app;
  },
}));

export const selectApp =
  (appId: string) =>
  (s: AppsState): AppSummary | undefined =>
    s.apps.find((app) => app.id === appId);
