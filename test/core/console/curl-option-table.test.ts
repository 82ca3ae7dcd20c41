import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CARRIED, HARMLESS } from '../../../shared/console/curl-option-effects';
import { allCurlOptions, longOption, shortOption } from '../../../shared/console/curl-option-table';

const run = promisify(execFile);

describe("curl's option table", () => {
  it('knows every option the curl on this machine lists, with the same short letter and value', async () => {
    // `curl --help all`: " -d, --data <data>   HTTP POST data" — a <…> (or [protocol://]host for --proxy)
    // after the name means it takes a value.
    const { stdout } = await run('curl', ['--help', 'all']);
    const listed = [...stdout.matchAll(/^\s*(?:-(.), )?--([a-z0-9.-]+)( [<[])?/gm)];
    // curl 8.10 renamed --include to --show-headers; -i is both, and the table has curl 8's name.
    const renamed: Record<string, string> = { include: 'show-headers' };
    expect(listed.length).toBeGreaterThan(200);
    const wrong: string[] = [];
    for (const [, short, name = '', value] of listed) {
      const found = longOption(`--${name}`);
      if (found === null) {
        wrong.push(`--${name} missing`);
        continue;
      }
      if ((found.option.kind === 'value') !== (value !== undefined)) wrong.push(`--${name}: value ${String(!!value)}`);
      const expected = renamed[name] ?? found.option.name;
      if (short !== undefined && shortOption(short)?.name !== expected) wrong.push(`-${short} is not --${name}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reads --no- forms of switches only, and nothing it does not know', () => {
    expect(longOption('--no-progress-meter')).toMatchObject({ option: { name: 'progress-meter' }, negated: true });
    expect(longOption('--no-buffer')).toMatchObject({ option: { name: 'buffer', short: 'N' }, negated: true });
    expect(longOption('--no-header')).toBeNull(); // --header takes a value: there is no --no-header
    expect(longOption('--heade')).toBeNull(); // curl 8 matches long names exactly
    expect(shortOption(':')?.name).toBe('next');
    expect(shortOption('#')?.name).toBe('progress-bar');
  });

  it('every option it carries out or ignores is one curl has', () => {
    const names = new Set(allCurlOptions().map((option) => option.name));
    expect([...CARRIED, ...HARMLESS].filter((name) => !names.has(name))).toEqual([]);
    expect([...CARRIED].filter((name) => HARMLESS.has(name))).toEqual([]);
  });
});
