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
 * The colour rules again in the other theme: data-theme on <html> set as Settings sets it (tokens.css
 * turns every colour with it), checked once the colours have settled, then put back as it was.
 */
export async function axeViolationsInOtherTheme(page: Page): Promise<string[]> {
  const before = await page.evaluate(() => {
    const root = (Reflect.get(globalThis, 'document') as { documentElement: { dataset: Record<string, string> } })
      .documentElement;
    const matchMedia = Reflect.get(globalThis, 'matchMedia') as (query: string) => { matches: boolean };
    const shown = root.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    const chosen = root.dataset.theme ?? null;
    root.dataset.theme = shown === 'dark' ? 'light' : 'dark';
    return chosen;
  });
  try {
    await animationsSettled(page);
    return (await axeViolations(page, true)).map((line) => `in the other theme: ${line}`);
  } finally {
    await page.evaluate((chosen) => {
      const root = (Reflect.get(globalThis, 'document') as { documentElement: { dataset: Record<string, string> } })
        .documentElement;
      if (chosen === null) delete root.dataset.theme;
      else root.dataset.theme = chosen;
    }, before);
    await animationsSettled(page);
  }
}
