import { useEffect } from 'react';

/** Ctrl on Windows and Linux, ⌘ on a Mac: either counts, as in Bruno and Postman. */
const primary = (event: { ctrlKey: boolean; metaKey: boolean }) => event.ctrlKey || event.metaKey;

/** Typing a `?` into a field is typing, not asking for help. */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export interface ShortcutActions {
  sending: boolean;
  send: () => void;
  cancel: () => void;
  focusUrl: () => void;
  /** Ctrl/⌘+S: update the open saved request, or ask for a name. */
  save?: () => void;
  /** Ctrl/⌘+Shift+S. */
  saveAs?: () => void;
  /** `?` outside a text field. */
  help?: () => void;
}

/**
 * The console's keyboard shortcuts (issue 13; listed in ShortcutsHelp.tsx), from anywhere on the
 * console screen while it is shown: Ctrl/⌘+Enter sends (from the URL, a header, the body…), Ctrl/⌘+L
 * focuses the URL, Ctrl/⌘+S saves, Ctrl/⌘+Shift+S saves as, Escape cancels a request under way and
 * `?` shows the list. A dialog open over the screen keeps its own keys.
 */
export function useRequestShortcuts(actions: ShortcutActions): void {
  const { sending, send, cancel, focusUrl, save, saveAs, help } = actions;

  useEffect(() => {
    const onWindowKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('[role="dialog"]')) return;
      const key = event.key.toLowerCase();
      if (event.key === 'Enter' && primary(event) && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        if (!sending) send();
      } else if (primary(event) && !event.altKey && key === 'l') {
        event.preventDefault();
        focusUrl();
      } else if (primary(event) && !event.altKey && key === 's' && (event.shiftKey ? saveAs : save)) {
        event.preventDefault();
        (event.shiftKey ? saveAs : save)?.();
      } else if (event.key === 'Escape' && sending) {
        event.preventDefault();
        cancel();
      } else if (event.key === '?' && !primary(event) && !event.altKey && help && !inTextField(event.target)) {
        event.preventDefault();
        help();
      }
    };
    window.addEventListener('keydown', onWindowKey);
    return () => window.removeEventListener('keydown', onWindowKey);
  }, [sending, send, cancel, focusUrl, save, saveAs, help]);
}
