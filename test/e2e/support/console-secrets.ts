import type { Page } from 'playwright-core';
import { textHits } from './canary';
import type { HarnessProcess } from './harness-process';

/**
 * Where a key the console must never keep could show up: the page's document and fields (watched from
 * the moment the key was typed), the console's history, collections and environments, the harness's output.
 */

/** Every place the page, the harness's output or the console's files could have kept a secret. */
export async function secretTrail(harness: HarnessProcess, secret: string): Promise<string[]> {
  const history = await harness.rpc('console:history');
  const collections = await harness.rpc('console:collections');
  const environments = await harness.rpc('console:environments');
  return [
    ...textHits('console history', JSON.stringify(history), [secret]),
    ...textHits('collections', JSON.stringify(collections), [secret]),
    ...textHits('environments', JSON.stringify(environments), [secret]),
    ...textHits('harness stdout', harness.stdout(), [secret]),
    ...textHits('harness stderr', harness.stderr(), [secret]),
  ].map((hit) => hit.where);
}

/**
 * From now on, records every place any of `needles` shows up in the document: text and attributes of
 * added nodes, changed text, changed attributes. Read it with `domSightings`.
 */
export async function watchDomFor(page: Page, needles: readonly string[]): Promise<void> {
  await page.evaluate(`(() => {
    const needles = ${JSON.stringify(needles)};
    const seen = (window.__e2eSightings = []);
    const check = (where, text) => {
      if (typeof text !== 'string') return;
      for (const needle of needles) if (text.includes(needle)) seen.push({ needle, where });
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') check('text', record.target.data);
        if (record.type === 'attributes') check('attribute ' + record.attributeName, record.target.getAttribute(record.attributeName));
        for (const node of record.addedNodes) check('added ' + node.nodeName, node.nodeType === 1 ? node.outerHTML : node.textContent);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  })()`);
}

/** Adds `text` to the document and takes it out again: what a leak would look like to the watcher. */
export async function plantInDom(page: Page, text: string): Promise<void> {
  await page.evaluate(
    `(() => { const el = document.createElement('div'); el.textContent = ${JSON.stringify(text)}; document.body.append(el); el.remove(); })()`,
  );
}

/**
 * Where `needle` appeared since `watchDomFor`, and where it is now: in the document's markup, or as the
 * value of any field (a typed value is a property, not markup).
 */
export async function domSightings(page: Page, needle: string): Promise<string[]> {
  // Mutation records are delivered at the end of the evaluate that caused them, before this one runs.
  const recorded = await page.evaluate<{ needle: string; where: string }[]>(
    'window.__e2eSightings ?? [{ needle: "", where: "not watched" }]',
  );
  const values = await page.evaluate<string[]>(
    `[...document.querySelectorAll('input, textarea, select')].map((el) => el.value)`,
  );
  return [
    ...recorded.filter((seen) => seen.needle === needle || seen.where === 'not watched').map((seen) => seen.where),
    ...((await page.content()).includes(needle) ? ['document now'] : []),
    ...values.filter((value) => value.includes(needle)).map(() => 'a field value now'),
  ];
}
