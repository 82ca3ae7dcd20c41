import { describe, expect, it } from 'vitest';
import { detectionRules } from '../../../electron/cli/scan/detection-rules';
import { formatKey } from '../../../electron/core/keys/key-format';

const pyasKey = formatKey('pyas', 'n58lZyBi');
/** Another app's key: the rules for `pyas` and `billing` must not match it. */
const otherAppKey = formatKey('other', 'n58lZyBi');

/** A rule's regex as JavaScript reads it: the generated patterns use only syntax RE2 and JS share. */
function expectMatchesOnlyTheirApps(patterns: string[]): void {
  expect(patterns).toHaveLength(2);
  const regexes = patterns.map((pattern) => new RegExp(pattern));
  expect(regexes.some((regex) => regex.test(`API_KEY="${pyasKey}"`))).toBe(true);
  expect(regexes.some((regex) => regex.test(`API_KEY="${otherAppKey}"`))).toBe(false);
  expect(regexes.some((regex) => regex.test(`x${pyasKey}`))).toBe(false);
  expect(regexes.some((regex) => regex.test(pyasKey.slice(0, -1)))).toBe(false);
}

describe('detectionRules', () => {
  it('writes gitleaks [[rules]] with id, description, regex and keywords', () => {
    const toml = detectionRules('gitleaks', ['pyas', 'billing']);
    expect(toml.match(/^\[\[rules\]\]$/gm)).toHaveLength(2);
    expect(toml).toMatch(/^id = "keyhaven-pyas-key"$/m);
    expect(toml).toMatch(/^description = ".+"$/m);
    expect(toml).toMatch(/^keywords = \["pyas_"\]$/m);
    expectMatchesOnlyTheirApps([...toml.matchAll(/^regex = '''(.+)'''$/gm)].map((match) => match[1]!));
  });

  it('writes TruffleHog custom detectors with name, keywords and a named regex', () => {
    const yaml = detectionRules('trufflehog', ['pyas', 'billing']);
    expect(yaml).toMatch(/^detectors:$/m);
    expect(yaml).toMatch(/^ {2}- name: keyhaven-billing-key\n {4}keywords:\n {6}- billing_\n {4}regex:\n {6}key: '/m);
    expectMatchesOnlyTheirApps([...yaml.matchAll(/^ {6}key: '(.+)'$/gm)].map((match) => match[1]!));
  });

  it('writes a .secretlintrc.json for the pattern rule', () => {
    const config = JSON.parse(detectionRules('secretlint', ['pyas', 'billing', 'pyas'])) as {
      rules: { id: string; options: { patterns: { name: string; pattern: string }[] } }[];
    };
    expect(config.rules.map((rule) => rule.id)).toEqual(['@secretlint/secretlint-rule-pattern']);
    const { patterns } = config.rules[0]!.options;
    for (const { name, pattern } of patterns) {
      expect(name).toMatch(/^Keyhaven (pyas|billing) key$/);
      expect(pattern).toMatch(/^\/.+\/$/);
    }
    expectMatchesOnlyTheirApps(patterns.map(({ pattern }) => pattern.slice(1, -1)));
  });

  it('refuses a prefix that no app can have, and an empty list', () => {
    expect(() => detectionRules('gitleaks', ['Bad Prefix'])).toThrow(/is not an app prefix/);
    expect(() => detectionRules('gitleaks', [])).toThrow(/no app prefix/);
  });
});
