/**
 * What the console-opening bench runs inside the page, as source text, for the reasons given in
 * table-render-page.ts (no DOM types on the Node side; tsx's keepNames would break inner functions in
 * the page). Every figure is taken with the page's own `performance.now()`, so no Playwright round trip
 * is counted.
 */

/** As in table-render-page.ts: resolves once the frame showing the current DOM has been produced. */
const AFTER_NEXT_PAINT = `() => new Promise((resolve) => {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
})`;

/** As in table-render-page.ts: resolves as soon as `test()` holds, checked after every DOM mutation. */
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
 * Resolves once the main thread has had nothing to do: an idle callback runs only when no task
 * (a response being parsed, a React render) is waiting. Twice, so a task queued by the work that ran
 * just before the first one is also done.
 */
const IDLE = `() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve())))`;

/** The main navigation's button named `name` (the sidebar's NavItem: an icon and the label). */
const NAV = `(name) => {
  const button = [...document.querySelectorAll('nav[aria-label="Main"] button')].find(
    (candidate) => candidate.textContent.trim() === name,
  );
  if (!button) throw new Error('no ' + name + ' button in the main navigation');
  return button;
}`;

/** The channels the console screen calls when it opens, as the harness bridge names them (/rpc/<channel>). */
export const OPEN_CHANNELS = ['console:history', 'console:collections'] as const;

export interface OpenFigures {
  /** Click on "Console" → the first painted frame in which the console is interactive. */
  interactiveMs: number;
  /** Click → both lists answered by main and the main thread idle again (the refetch rendered). */
  idleMs: number;
  /** What each of OPEN_CHANNELS carried and took (request start → last byte), from resource timing. */
  rpc: { channel: string; bytes: number; ms: number }[];
}

/**
 * Clicks "Console" in the main navigation and measures, in the page, until the console is interactive:
 * its h1 "Console", the form "Request", and both lists of the sidebar showing what they hold. With
 * `firstFolder`, the history list ("Requests sent") must hold a request's button and the collections
 * tree its first folder, named so; without, both lists must say they are empty (which they do only once
 * loaded). Then waits for the lists' answers and an idle main thread, for `idleMs` and the RPC figures.
 */
export function openConsoleScript(firstFolder: string | null): string {
  return `(async () => {
    const afterNextPaint = ${AFTER_NEXT_PAINT};
    const when = ${WHEN};
    const idle = ${IDLE};
    const nav = ${NAV};
    const firstFolder = ${JSON.stringify(firstFolder)};
    const channels = ${JSON.stringify(OPEN_CHANNELS)};
    const interactive = () => {
      const heading = document.querySelector('main h1');
      if (heading?.textContent.trim() !== 'Console') return false;
      if (!document.querySelector('form[aria-label="Request"]')) return false;
      const history = document.querySelector('[role="list"][aria-label="Requests sent"]');
      const tree = document.querySelector('[aria-label="Collections"]');
      if (!history || !tree) return false;
      if (firstFolder === null) {
        const sidebar = document.querySelector('aside[aria-label="Collections and history"]')?.textContent ?? '';
        return sidebar.includes('Requests you send appear here') && sidebar.includes('Save a request');
      }
      if (!history.querySelector('button')) return false;
      const folder = tree.querySelector(':scope > li button[aria-expanded]');
      return folder?.textContent.trim() === firstFolder;
    };
    const button = nav('Console');
    performance.clearResourceTimings();
    const start = performance.now();
    button.click();
    await when(interactive, 'the console, interactive');
    await afterNextPaint();
    const interactiveMs = performance.now() - start;

    const answered = () => channels.map((channel) =>
      performance.getEntriesByType('resource').find((entry) => entry.name.includes('/rpc/' + channel)));
    // A repeat open asks for nothing (the lists are kept in the page and kept up to date by events):
    // then there is no answer to wait for.
    const asked = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/rpc/console:'));
    while (asked() && answered().some((entry) => !entry)) await new Promise((resolve) => setTimeout(resolve, 5));
    await idle();
    const idleMs = performance.now() - start;
    const rpc = answered().flatMap((entry, i) => entry ? [{
      channel: channels[i],
      bytes: entry.decodedBodySize,
      ms: entry.responseEnd - entry.startTime,
    }] : []);
    return { interactiveMs, idleMs, rpc };
  })()`;
}

/** Goes to the Apps screen and waits until it is shown and the page is idle: where each open starts from. */
export const GO_TO_APPS_SCRIPT = `(async () => {
  const when = ${WHEN};
  const idle = ${IDLE};
  const nav = ${NAV};
  nav('Apps').click();
  await when(() => document.querySelector('main h1')?.textContent.trim() === 'Apps', 'the Apps screen');
  await idle();
})()`;

/** Elements in the console's sidebar and buttons in its collections tree, once open. */
export const CONSOLE_DOM_SCRIPT = `({
  sidebarElements: document.querySelectorAll('aside[aria-label="Collections and history"] *').length,
  treeButtons: document.querySelectorAll('[aria-label="Collections"] button').length,
  historyButtons: document.querySelectorAll('[role="list"][aria-label="Requests sent"] button').length,
})`;
