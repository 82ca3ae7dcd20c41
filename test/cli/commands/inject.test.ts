import { statSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyhaven, keyhavenOk, useDataFolders } from '../support/keyhaven-cli';
import { activityOfType, addEntry, expectFailure } from './cli-fixtures';

const SECRET = 'sk_live_injectValue0123456789';

describe('keyhaven inject', () => {
  const newFolder = useDataFolders();

  it('fills references into a 0600 file, leaves other templates alone, and never overwrites without --force', async () => {
    const dataDir = newFolder();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET, ['--base-url', 'https://api.stripe.com']);
    const template = join(dataDir, 'config.tpl.yml');
    writeFileSync(
      template,
      'url: {{kh://Personal/Stripe/base-url}}\nkey: {{ kh://Personal/Stripe }}\nhelm: {{ .Values.x }}\n',
    );
    const out = join(dataDir, 'config.yml');

    const first = await keyhaven(['inject', '-i', template, '-o', out], { dataDir });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).not.toContain(SECRET);
    expect(readFileSync(out, 'utf8')).toBe(`url: https://api.stripe.com\nkey: ${SECRET}\nhelm: {{ .Values.x }}\n`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(activityOfType(dataDir, 'entry.read').at(-1)).toMatchObject({ actor: 'cli' });

    writeFileSync(out, 'kept');
    expectFailure(await keyhaven(['inject', '-i', template, '-o', out], { dataDir }), 6);
    expect(readFileSync(out, 'utf8')).toBe('kept');
    await keyhavenOk(['inject', '-i', template, '-o', out, '--force'], { dataDir });
    expect(readFileSync(out, 'utf8')).toContain(SECRET);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('reads the template from stdin and writes stdout without -i and -o', async () => {
    const dataDir = newFolder();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    expect(await keyhavenOk(['inject'], { dataDir, input: 'token={{ kh://Personal/Stripe }}\n' })).toBe(
      `token=${SECRET}\n`,
    );
  });

  it('names a bad or unknown reference and writes nothing', async () => {
    const dataDir = newFolder();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    const out = join(dataDir, 'out.txt');
    expectFailure(await keyhaven(['inject', '-o', out], { dataDir, input: 'a={{ kh://Personal }}\n' }), 2);
    expectFailure(await keyhaven(['inject', '-o', out], { dataDir, input: 'a={{ kh://Personal/Stripe\n' }), 2);
    expect(
      expectFailure(await keyhaven(['inject', '-o', out], { dataDir, input: '{{ kh://Personal/Gone }}' }), 3),
    ).toContain('Gone');
    expectFailure(await keyhaven(['inject', '-i', join(dataDir, 'missing.tpl')], { dataDir }), 3);
    expect(() => statSync(out)).toThrow();
  });
});
