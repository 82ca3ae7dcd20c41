import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, injected through the DevTools protocol: the page's CSP allows no inline script. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/**
 * WCAG 2.0 and 2.1, levels A and AA. Not yet 2.2: its 24 px target size fails the rotation links in the
 * keys table, whose rows are a fixed 16 px line each (see the README's decision log).
 */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeApi {
  getRules(tags: string[]): Array<{ ruleId: string; tags: string[] }>;
  run(
    context: unknown,
    options: object,
  ): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }>;
}

/** Resolves once no animation runs (a dialog fades in): axe then measures the settled colours. */
export async function animationsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const document = Reflect.get(globalThis, 'document') as { getAnimations(): Array<{ playState: string }> };
    return document.getAnimations().every((animation) => animation.playState !== 'running');
  });
}

/** The rules whose outcome depends on the colours, so the only ones a second theme can change. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * WCAG 2.1 A and AA violations on the page as it is now, one line each (rule, impact, where); with
 * `colourOnly`, only the colour rules. Every rule tagged A or AA runs, axe's experimental ones too
 * (label-content-name-mismatch, p-as-heading, td-has-header, table-fake-caption, css-orientation-lock).
 */
export async function axeViolations(page: Page, colourOnly = false): Promise<string[]> {
  if (!(await page.evaluate(() => Reflect.has(globalThis, 'axe')))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ({ tags, colourRules }) => {
      const axe = Reflect.get(globalThis, 'axe') as AxeApi;
      // A tag selects no experimental rule unless told to, so those of WCAG A and AA are named here.
      const experimental = axe
        .getRules(['experimental'])
        .filter((rule) => rule.tags.some((tag) => tags.includes(tag)))
        .map((rule) => [rule.ruleId, { enabled: true }]);
      const options = colourRules
        ? { runOnly: { type: 'rule', values: colourRules } }
        : { runOnly: { type: 'tag', values: tags }, rules: Object.fromEntries(experimental) };
      const result = await axe.run(Reflect.get(globalThis, 'document'), options);
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) }));
    },
    { tags: WCAG_AA, colourRules: colourOnly ? COLOUR_RULES : null },
  );
  return violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes.map((target) => JSON.stringify(target)).join(', ')}`,
  );
}

/**
 * Sets data-theme on <html> as Settings does (`null`: none, the system's theme) and ends at once the
 * colour transitions this starts (buttons fade their colours for 120 ms), so the new colours are
 * there to measure without waiting. Returns the data-theme it replaced.
 */
function setTheme(page: Page, theme: string | null | 'other'): Promise<string | null> {
  return page.evaluate((next) => {
    interface Root {
      dataset: Record<string, string>;
    }
    const document = Reflect.get(globalThis, 'document') as {
      documentElement: Root;
      getAnimations(): Array<{ finish(): void; constructor: { name: string } }>;
    };
    const getComputedStyle = Reflect.get(globalThis, 'getComputedStyle') as (el: Root) => { color: string };
    const matchMedia = Reflect.get(globalThis, 'matchMedia') as (query: string) => { matches: boolean };
    const root = document.documentElement;
    const before = root.dataset.theme ?? null;
    const shown = before ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    const theme = next === 'other' ? (shown === 'dark' ? 'light' : 'dark') : next;
    if (theme === null) delete root.dataset.theme;
    else root.dataset.theme = theme;
    void getComputedStyle(root).color; // styles recomputed now, so the transitions exist to be ended
    for (const animation of document.getAnimations()) {
      if (animation.constructor.name === 'CSSTransition') animation.finish();
    }
    return before;
  }, theme);
}

/**
 * The colour rules again in the other theme (tokens.css turns every colour with data-theme), then the
 * theme put back as it was.
 */
export async function axeViolationsInOtherTheme(page: Page): Promise<string[]> {
  const before = await setTheme(page, 'other');
  try {
    await animationsSettled(page);
    return (await axeViolations(page, true)).map((line) => `in the other theme: ${line}`);
  } finally {
    await setTheme(page, before);
    await animationsSettled(page);
  }
}
