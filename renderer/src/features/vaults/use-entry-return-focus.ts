import { useEffect } from 'react';
import { useNavigation } from '../../stores/navigation-store';

/**
 * Back from an entry's page: focus lands on that entry's first row button (Show, or Unlock to show),
 * so the keyboard user is where they left; on the vault's heading when the row is not drawn (the
 * table draws only the rows in view) or the entry is gone.
 */
export function useEntryReturnFocus(panel: React.RefObject<HTMLElement | null>, ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const entryId = useNavigation.getState().returnToEntry;
    if (entryId === null) return;
    useNavigation.setState({ returnToEntry: null });
    const frame = requestAnimationFrame(() => {
      const root = panel.current;
      const row = root?.querySelector<HTMLElement>(
        `[data-entry-id="${CSS.escape(entryId)}"] .entries-table__buttons button`,
      );
      (row ?? root?.querySelector<HTMLElement>('h2'))?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [panel, ready]);
}
