import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Markdown links and images: `[text](target)` / `![alt](target)`, without the #fragment. */
function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]!.split('#')[0]!);
}

/**
 * Issue 14, item 16: the README works from a clone. Every link and image it has points at a file of
 * the repository (the design and source pages beside the checkout are not in it), and nothing refers
 * to a path outside the repository.
 */
describe('the README from a clone', () => {
  it('links only to files that exist in the repository', () => {
    const local = linkTargets(readme).filter((target) => target !== '' && !/^[a-z]+:/i.test(target));
    expect(local.length).toBeGreaterThanOrEqual(4);
    for (const target of local) {
      const path = normalize(join(root, target));
      expect(path.startsWith(root), target).toBe(true);
      expect(existsSync(path), target).toBe(true);
    }
  });

  it('names no path outside the repository (../shared, ../.library)', () => {
    expect(readme).not.toMatch(/\.\.\/(shared|\.library)/);
  });
});
