import { CHECKSUM_LENGTH, KEY_ID_LENGTH, RANDOM_LENGTH } from '../../core/keys/key-format';
import { CliError } from '../cli-error';

/**
 * Rules for other secret scanners (gitleaks, TruffleHog, secretlint) that match keys issued by
 * Keyhaven for the given app prefixes, so a team already running one of them catches Keyhaven keys
 * too. A regex cannot check the CRC, so these rules match the shape only; `keyhaven scan` checks it.
 *
 * Formats, from each tool's documentation:
 * - gitleaks: TOML, `[[rules]]` tables with id, description, regex ('''literal''') and keywords
 *   (case-insensitive substrings a fragment must hold before the regex runs). Go RE2: no lookaround.
 * - TruffleHog: YAML `detectors:` list of custom regex detectors, each with name, keywords and
 *   `regex` as a map of named patterns. Go RE2 too.
 * - secretlint: .secretlintrc.json with the built-in @secretlint/secretlint-rule-pattern, whose
 *   `patterns` option lists `{ name, pattern }` with the pattern as a "/regexp/flags" string. The
 *   singular `pattern` is read by every version of the rule (newer ones also take a `patterns` array).
 */
export type DetectionTool = 'gitleaks' | 'trufflehog' | 'secretlint';

const PREFIX_SHAPE = /^[a-z][a-z0-9]{0,15}$/;
const RANDOM_AND_CHECKSUM = RANDOM_LENGTH + CHECKSUM_LENGTH;

/**
 * One prefix's keys, in syntax that RE2 and JavaScript read alike. `\b` on both sides keeps a match
 * from starting or ending inside a longer token (the prefix is a literal, so it cannot be escaped wrong).
 */
function keyPattern(prefix: string): string {
  return `\\b${prefix}_[0-9A-Za-z]{${KEY_ID_LENGTH}}\\.[0-9A-Za-z]{${RANDOM_AND_CHECKSUM}}\\b`;
}

function gitleaks(prefixes: readonly string[]): string {
  const rules = prefixes.map((prefix) =>
    [
      '[[rules]]',
      `id = "keyhaven-${prefix}-key"`,
      `description = "Keyhaven API key for the app with prefix ${prefix}"`,
      `regex = '''${keyPattern(prefix)}'''`,
      `keywords = ["${prefix}_"]`,
    ].join('\n'),
  );
  return `# gitleaks rules for Keyhaven keys (gitleaks --config <this file>; add [extend] useDefault = true to keep the built-in rules)\n\n${rules.join('\n\n')}\n`;
}

function trufflehog(prefixes: readonly string[]): string {
  const detectors = prefixes.map((prefix) =>
    [
      `  - name: keyhaven-${prefix}-key`,
      '    keywords:',
      `      - ${prefix}_`,
      '    regex:',
      // Single-quoted YAML: backslashes are literal, and a pattern never holds a quote.
      `      key: '${keyPattern(prefix)}'`,
    ].join('\n'),
  );
  return `# TruffleHog custom detectors for Keyhaven keys (trufflehog filesystem --config <this file> .)\ndetectors:\n${detectors.join('\n')}\n`;
}

function secretlint(prefixes: readonly string[]): string {
  const config = {
    rules: [
      {
        id: '@secretlint/secretlint-rule-pattern',
        options: {
          patterns: prefixes.map((prefix) => ({ name: `Keyhaven ${prefix} key`, pattern: `/${keyPattern(prefix)}/` })),
        },
      },
    ],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Ready-to-use configuration text for `tool` matching Keyhaven keys of the given app prefixes. */
export function detectionRules(tool: DetectionTool, prefixes: string[]): string {
  if (prefixes.length === 0) throw new CliError('USAGE', 'no app prefix to write rules for');
  const invalid = prefixes.find((prefix) => !PREFIX_SHAPE.test(prefix));
  if (invalid !== undefined) {
    throw new CliError(
      'USAGE',
      `${JSON.stringify(invalid)} is not an app prefix (lowercase letters and digits, at most 16)`,
    );
  }
  const unique = [...new Set(prefixes)].sort();
  switch (tool) {
    case 'gitleaks':
      return gitleaks(unique);
    case 'trufflehog':
      return trufflehog(unique);
    case 'secretlint':
      return secretlint(unique);
  }
}
