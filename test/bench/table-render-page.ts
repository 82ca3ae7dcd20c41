/**
 * What the keys-table bench runs inside the page, as source text. Strings rather than functions: the
 * Node-side TypeScript has no DOM types, and tsx compiles with esbuild's keepNames, which would wrap
 * inner functions in a `__name` helper that does not exist in the page. Every figure is taken with the
 * page's own `performance.now()`, so no Playwright round trip is counted.
 */

/**
 * Resolves once the frame that shows the current DOM has been produced: a rAF callback runs just before
 * the next frame's style, layout and paint, and a message posted from it is handled right after them.
 */
const AFTER_NEXT_PAINT = `() => new Promise((resolve) => {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
})`;

/**
 * Resolves as soon as `test()` holds, checking after every DOM mutation (a MutationObserver callback runs
 * as a microtask right after the commit that caused it). The deadline only turns a hang into an error.
 */
const WHEN = `(test, what) => new Promise((resolve, reject) => {
  if (test()) return resolve();
  const observer = new MutationObserver(() => {
    if (!test()) return;
    observer.disconnect();
    clearTimeout(deadline);
    resolve();
  });
  const deadline = setTimeout(() => {
    observer.disconnect();
    reject(new Error('the page never showed ' + what));
  }, 30000);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
})`;

/**
 * Clicks the first app of the Apps list and measures, in the page, from the click to the first frame
 * painted with key rows in the table (the key list is fetched, rendered and virtualised on the way).
 */
export function firstRenderScript(): string {
  return `(async () => {
    const afterNextPaint = ${AFTER_NEXT_PAINT};
    const when = ${WHEN};
    const card = document.querySelector('ul[aria-label="Apps"] button');
    if (!card) throw new Error('no app card on the Apps screen');
    const start = performance.now();
    card.click();
    await when(() => document.querySelector('tr[data-key-id]') !== null, 'key rows');
    await afterNextPaint();
    return performance.now() - start;
  })()`;
}

/**
 * Types `text` (the field's whole new value) into the keys table's search field as one input event, and
 * measures from that event to the first frame painted after the table shows `expected` ("12 of 10000
 * keys"). The list filters a frame late on purpose (useDeferredValue); waiting for the count is what makes
 * the deferred render part of the figure. When a keystroke does not change the count, nothing but the
 * field changes on screen, and the figure is the time to the next painted frame.
 */
export function keystrokeScript(text: string, expected: string): string {
  return `(async () => {
    const afterNextPaint = ${AFTER_NEXT_PAINT};
    const when = ${WHEN};
    const text = ${JSON.stringify(text)};
    const expected = ${JSON.stringify(expected)};
    const input = document.querySelector('input[type="search"]');
    if (!input) throw new Error('no search field above the keys table');
    const count = () =>
      [...document.querySelectorAll('[role="status"]')].find((el) => /^\\d+ of \\d+ keys?$/.test(el.textContent));
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const start = performance.now();
    // As a keystroke arrives: the native value changes, then an input event (React's onChange listens to it).
    setValue.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await when(() => count()?.textContent === expected, JSON.stringify(expected));
    await afterNextPaint();
    return performance.now() - start;
  })()`;
}

/** How many key rows are in the document (the table is virtualised: far fewer than the keys). */
export const ROWS_IN_DOM_SCRIPT = `document.querySelectorAll('tr[data-key-id]').length`;
