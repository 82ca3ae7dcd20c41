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
  getRules(tags: string[]): Array<{ ruleId: string }>;
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

/**
 * WCAG 2.1 A and AA violations on the page as it is now, one line each (rule, impact, where). axe's
 * experimental rules stay off, as in its own defaults.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = Reflect.get(globalThis, 'axe') as AxeApi;
    const experimental = Object.fromEntries(
      axe.getRules(['experimental']).map((rule) => [rule.ruleId, { enabled: false }]),
    );
    const result = await axe.run(Reflect.get(globalThis, 'document'), {
      runOnly: { type: 'tag', values: tags },
      rules: experimental,
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) }));
  }, WCAG_AA);
  return violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes.map((target) => JSON.stringify(target)).join(', ')}`,
  );
}
