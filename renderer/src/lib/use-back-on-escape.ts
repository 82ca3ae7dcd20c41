import { useEffect } from 'react';

/**
 * Escape goes back (to the table the page was opened from), unless a dialog is open (it closes
 * itself) or the key was pressed in a field.
 */
export function useBackOnEscape(back: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.querySelector('[role="dialog"]')) return;
      if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select')) return;
      back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [back]);
}
