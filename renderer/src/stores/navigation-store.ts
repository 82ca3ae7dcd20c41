import { create } from 'zustand';

export const APP_TABS = ['keys', 'settings', 'activity'] as const;
export type AppTab = (typeof APP_TABS)[number];

/** Where the user is. Kept in memory only: nothing about a route (let alone a secret) goes to the URL. */
export type Route =
  | { screen: 'apps' }
  | { screen: 'app'; appId: string; tab: AppTab }
  | { screen: 'activity' }
  /** The Vaults screen, on one vault when given (else the first). */
  | { screen: 'vaults'; vaultId: string | null }
  /** The request console, opened with a vault entry's key when given ("Test this key"). */
  | { screen: 'console'; entryId: string | null }
  | { screen: 'settings' };

interface NavigationState {
  route: Route;
  /** Counts screen changes (not tab changes), so the shell can move focus to the new heading. */
  visits: number;
  goToApps: () => void;
  openApp: (appId: string, tab?: AppTab) => void;
  selectTab: (tab: AppTab) => void;
  goToActivity: () => void;
  goToVaults: (vaultId?: string) => void;
  goToConsole: (entryId?: string) => void;
  goToSettings: () => void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  route: { screen: 'apps' },
  visits: 0,
  goToApps: () => set((s) => ({ route: { screen: 'apps' }, visits: s.visits + 1 })),
  openApp: (appId, tab = 'keys') => set((s) => ({ route: { screen: 'app', appId, tab }, visits: s.visits + 1 })),
  selectTab: (tab) => set((s) => (s.route.screen === 'app' ? { route: { ...s.route, tab } } : s)),
  goToActivity: () => set((s) => ({ route: { screen: 'activity' }, visits: s.visits + 1 })),
  goToVaults: (vaultId) =>
    set((s) => ({ route: { screen: 'vaults', vaultId: vaultId ?? null }, visits: s.visits + 1 })),
  goToConsole: (entryId) =>
    set((s) => ({ route: { screen: 'console', entryId: entryId ?? null }, visits: s.visits + 1 })),
  goToSettings: () => set((s) => ({ route: { screen: 'settings' }, visits: s.visits + 1 })),
}));
