import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${REPO}${path}`, 'utf8');

describe("the README's examples are the ones the tests run", () => {
  it('"Verify keys in your service" shows the Express service of the round-trip test, byte for byte', () => {
    const section = read('README.md').split('## Verify keys in your service')[1]?.split('\n## ')[0] ?? '';
    expect(section).toContain(`\`\`\`js\n${read('test/cli/fixtures/express-service.mjs')}\`\`\``);
  });
});
