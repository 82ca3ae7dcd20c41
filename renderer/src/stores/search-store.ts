import { create } from 'zustand';

/** Whether the search (Ctrl/Cmd+K) is open: the sidebar's button and the shortcut both open it. */
interface SearchState {
  open: boolean;
  show: () => void;
  hide: () => void;
}

export const useSearch = create<SearchState>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));
