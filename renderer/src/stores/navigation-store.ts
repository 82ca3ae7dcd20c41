import { create } from 'zustand';

export const APP_TABS = ['keys', 'settings', 'activity'] as const;
export type AppTab = (typeof APP_TABS)[number];

/** Where the user is. Kept in memory only: nothing about a route (let alone a secret) goes to the URL. */
export type Route =
  | { screen: 'apps' }
  /** With `keyId` (an issued key's record id), the API Keys tab shows that key's page instead of the table. */
  | { screen: 'app'; appId: string; tab: AppTab; keyId?: string }
  | { screen: 'activity' }
  /** The Vaults screen, on one vault when given (else the first); with `entryId`, that entry's page. */
  | { screen: 'vaults'; vaultId: string | null; entryId?: string; reveal?: boolean }
  /** The request console, opened with a vault entry's key when given ("Test this key"). */
  | { screen: 'console'; entryId: string | null }
  | { screen: 'settings' };

interface NavigationState {
  route: Route;
  /** Counts screen changes (not tab changes), so the shell can move focus to the new heading. */
  visits: number;
  /** The key whose page was just closed: the table brings its row into view and focuses it. */
  returnToKey: string | null;
  goToApps: () => void;
  openApp: (appId: string, tab?: AppTab) => void;
  selectTab: (tab: AppTab) => void;
  /** A key's page, from its row in the keys table (or a rotation link on another key's page). */
  openKey: (appId: string, keyId: string) => void;
  /** Back from a key's page to the keys table. */
  closeKey: () => void;
  goToActivity: () => void;
  goToVaults: (vaultId?: string) => void;
  /** A vault entry's page (Show on its row, with `reveal`; Open in search). */
  openEntry: (vaultId: string, entryId: string, reveal?: boolean) => void;
  /** Back from an entry's page to its vault's table. */
  closeEntry: () => void;
  /** The entry whose page was just closed: the table brings its row into view and focuses it. */
  returnToEntry: string | null;
  goToConsole: (entryId?: string) => void;
  goToSettings: () => void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  route: { screen: 'apps' },
  visits: 0,
  returnToKey: null,
  returnToEntry: null,
  goToApps: () => set((s) => ({ route: { screen: 'apps' }, visits: s.visits + 1 })),
  openApp: (appId, tab = 'keys') => set((s) => ({ route: { screen: 'app', appId, tab }, visits: s.visits + 1 })),
  selectTab: (tab) =>
    set((s) => (s.route.screen === 'app' ? { route: { screen: 'app', appId: s.route.appId, tab } } : s)),
  // Not a new screen (no visit): the key's page puts focus on its own heading, the table on the key's row.
  openKey: (appId, keyId) => set({ route: { screen: 'app', appId, tab: 'keys', keyId }, returnToKey: null }),
  closeKey: () =>
    set((s) =>
      s.route.screen === 'app'
        ? { route: { screen: 'app', appId: s.route.appId, tab: 'keys' }, returnToKey: s.route.keyId ?? null }
        : s,
    ),
  goToActivity: () => set((s) => ({ route: { screen: 'activity' }, visits: s.visits + 1 })),
  goToVaults: (vaultId) =>
    set((s) => ({ route: { screen: 'vaults', vaultId: vaultId ?? null }, visits: s.visits + 1 })),
  // Like a key's page: not a new screen (no visit); the page focuses its own heading.
  openEntry: (vaultId, entryId, reveal = false) =>
    set({ route: { screen: 'vaults', vaultId, entryId, reveal }, returnToEntry: null }),
  closeEntry: () =>
    set((s) =>
      s.route.screen === 'vaults'
        ? { route: { screen: 'vaults', vaultId: s.route.vaultId }, returnToEntry: s.route.entryId ?? null }
        : s,
    ),
  goToConsole: (entryId) =>
    set((s) => ({ route: { screen: 'console', entryId: entryId ?? null }, visits: s.visits + 1 })),
  goToSettings: () => set((s) => ({ route: { screen: 'settings' }, visits: s.visits + 1 })),
}));
