import { useEffect, type KeyboardEvent } from 'react';

/** Ctrl on Windows and Linux, ⌘ on a Mac: either counts, as in Bruno and Postman. */
const primary = (event: { ctrlKey: boolean; metaKey: boolean }) => event.ctrlKey || event.metaKey;

/**
 * The console's keyboard shortcuts (issue 13): Ctrl/⌘+Enter sends from anywhere in the request (not
 * only Enter in the URL), Ctrl/⌘+L focuses the URL and Escape cancels a request under way — the last
 * two from anywhere on the console screen, while it is shown.
 */
export function useRequestShortcuts(options: {
  sending: boolean;
  send: () => void;
  cancel: () => void;
  focusUrl: () => void;
}): { onKeyDown: (event: KeyboardEvent<HTMLElement>) => void } {
  const { sending, send, cancel, focusUrl } = options;

  useEffect(() => {
    const onWindowKey = (event: globalThis.KeyboardEvent) => {
      if (primary(event) && !event.altKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        focusUrl();
      } else if (event.key === 'Escape' && sending) {
        event.preventDefault();
        cancel();
      }
    };
    window.addEventListener('keydown', onWindowKey);
    return () => window.removeEventListener('keydown', onWindowKey);
  }, [sending, cancel, focusUrl]);

  return {
    onKeyDown: (event) => {
      if (event.key !== 'Enter' || !primary(event) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      if (!sending) send();
    },
  };
}
