import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Copying text that is not a secret (the local test API's base URL, a curl line) from the page itself.
 * Secrets are copied by main, which clears the clipboard later (lib/use-clipboard.ts); this is not for them.
 *
 * Electron gives this page no clipboard permission, so `navigator.clipboard.writeText` may be refused.
 * The text is selected first either way; then `document.execCommand('copy')` copies the selection; and
 * if that fails too, the selection stays so that Ctrl+C (⌘C) copies it.
 */
export type CopyOutcome = 'copied' | 'selected';

type Copyable = HTMLInputElement | HTMLTextAreaElement | HTMLElement;

function isTextControl(element: Copyable): element is HTMLInputElement | HTMLTextAreaElement {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
}

/** Selects the element's text: the whole value of a field, or the contents of any other element. */
export function selectText(element: Copyable, focus = false): void {
  if (isTextControl(element)) {
    // The selection inside a field is what Ctrl+C and execCommand copy, but only while it has focus.
    if (focus) element.focus();
    element.select();
    return;
  }
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

export async function copyText(text: string, element: Copyable): Promise<CopyOutcome> {
  selectText(element);
  try {
    if (typeof navigator.clipboard?.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // No permission (Electron, an unfocused window): fall back to copying the selection.
  }
  selectText(element, true);
  try {
    if (typeof document.execCommand === 'function' && document.execCommand('copy')) return 'copied';
  } catch {
    // Some engines throw instead of answering false.
  }
  return 'selected';
}

export interface CopyNotice {
  outcome: CopyOutcome;
  text: string;
}

/** How long "Copied …" stays; a "selected, press Ctrl+C" notice stays until the next copy. */
const NOTICE_MS = 8_000;

/** Copy with a notice to show in a status line: what was copied, or that it is selected for Ctrl+C. */
export function useCopyText() {
  const [notice, setNotice] = useState<CopyNotice | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  /** `what` names the text in the notice: "the base URL". */
  const copy = useCallback(async (text: string, element: Copyable | null, what: string) => {
    if (!element) return;
    clearTimeout(timer.current);
    setNotice(null);
    const outcome = await copyText(text, element);
    if (outcome === 'copied') {
      setNotice({ outcome, text: `Copied ${what}.` });
      timer.current = setTimeout(() => setNotice(null), NOTICE_MS);
    } else {
      setNotice({
        outcome,
        text: `Keyhaven could not reach the clipboard: ${what} is selected, press Ctrl+C (⌘C on a Mac) to copy it.`,
      });
    }
  }, []);

  return { notice, copy };
}
