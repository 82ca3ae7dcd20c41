import { useEffect } from 'react';
import { useSearch } from '../../stores/search-store';

/**
 * Ctrl/⌘+K opens the search from anywhere, a text field included (as in 1Password, Linear and VS
 * Code), unless a dialog is open: a half-filled form is never covered by another window.
 */
export function useSearchShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey)
        return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      useSearch.getState().show();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
