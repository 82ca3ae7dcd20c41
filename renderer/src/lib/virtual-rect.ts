import { observeElementRect, type Virtualizer } from '@tanstack/react-virtual';

type Rect = { width: number; height: number };

/** A typical viewport for a table: what is assumed before (or without) a real measurement. */
export const FALLBACK_RECT: Rect = { width: 960, height: 640 };

/**
 * Measures the scroll element like the library does, but treats a 0×0 measurement (an element not laid
 * out yet, or jsdom, which has no layout) as the fallback viewport, so a small window of rows renders
 * instead of none, or all of them.
 */
export function observeRectWithFallback<E extends Element>(
  instance: Virtualizer<E, Element>,
  callback: (rect: Rect) => void,
): void | (() => void) {
  return observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : FALLBACK_RECT));
}
