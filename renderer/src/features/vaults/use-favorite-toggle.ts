import { useRef, useState } from 'react';
import type { EntryView } from '../../../../shared/domain/vault';
import { isFailure } from '../../api/client';
import { useVaults } from '../../stores/vaults-store';

export interface FavoriteFailure {
  entryName: string;
  favorite: boolean;
  message: string;
}

/**
 * The row stars: each click asks main to star or unstar, and the row changes when main has saved
 * it (the store puts the answered entry in the list), so a star on screen is always a saved one. A
 * second click on the same row while the first is on its way is ignored rather than racing it.
 */
export function useFavoriteToggle() {
  const setFavorite = useVaults((s) => s.setFavorite);
  const pending = useRef(new Set<string>());
  const [failure, setFailure] = useState<FavoriteFailure | null>(null);

  const toggle = async (entry: EntryView, favorite: boolean) => {
    if (pending.current.has(entry.id)) return;
    pending.current.add(entry.id);
    setFailure(null);
    const result = await setFavorite(entry, favorite);
    pending.current.delete(entry.id);
    if (isFailure(result)) setFailure({ entryName: entry.name, favorite, message: result.message });
  };

  return { failure, dismiss: () => setFailure(null), toggle };
}
