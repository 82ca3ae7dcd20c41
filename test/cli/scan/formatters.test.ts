import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../../electron/cli/scan/findings';
import { formatJson } from '../../../electron/cli/scan/format-json';
import { formatSarif } from '../../../electron/cli/scan/format-sarif';
import { formatText } from '../../../electron/cli/scan/format-text';

const report: ScanReport = {
  findings: [
    {
      kind: 'issued-key',
      prefix: 'pyas',
      keyId: 'n58lZyBi',
      label: 'pyas_n58lZyBi',
      location: { file: 'src/config.ts', line: 12, column: 9 },
      key: { appName: 'Pyas', status: 'active' },
    },
    {
      kind: 'vault-secret',
      vaultName: 'Personal',
      entryName: 'Stripe live',
      entryId: 'entry-1',
      location: { file: '.env', line: 3, column: 8 },
    },
    {
      kind: 'issued-key',
      prefix: 'pyas',
      keyId: 'Rv0kedAA',
      label: 'pyas_Rv0kedAA',
      location: { file: 'old dir/a.ts', line: 1, column: 1, commit: '0123456789ab' },
      key: { appName: 'My App', status: 'revoked' },
    },
    {
      kind: 'issued-key',
      prefix: 'other',
      keyId: 'Zz9Zz9Zz',
      label: 'other_Zz9Zz9Zz',
      location: { file: '/home/u/.bash_history', line: 2, column: 21 },
      key: null,
    },
  ],
  filesScanned: 120,
  bytesScanned: 4_200_000,
  skipped: 3,
  commitsScanned: 15,
};

describe('formatText', () => {
  it('prints one line per finding with its place and advice, then a summary', () => {
    expect(formatText(report).split('\n')).toEqual([
      'src/config.ts:12:9  Keyhaven key pyas_n58lZyBi (app "Pyas", active) — still valid: rotate it now (keyhaven keys rotate Pyas n58lZyBi)',
      '.env:3:8  secret of vault entry "Stripe live" (vault "Personal") in clear',
      'old dir/a.ts:1:1 (commit 0123456789ab)  Keyhaven key pyas_Rv0kedAA (app "My App", revoked) — revoked: no longer accepted; remove it',
      '/home/u/.bash_history:2:21  Keyhaven key other_Zz9Zz9Zz (unknown key) — not issued from this data folder: check the Keyhaven data folder that issued it',
      '4 leaks found (3 Keyhaven keys, 1 vault secret) in 120 files (4.2 MB) and 15 commits; 3 files skipped (binary, over 20 MiB or unreadable)',
      '',
    ]);
  });

  it('quotes an app name for the shell and says so when nothing was found', () => {
    const rotated: ScanReport = {
      ...report,
      findings: [
        { ...report.findings[0]!, key: { appName: "Bob's API", status: 'rotated' } } as ScanReport['findings'][number],
      ],
    };
    expect(formatText(rotated)).toContain(`(keyhaven keys revoke 'Bob'\\''s API' n58lZyBi)`);
    expect(formatText({ ...report, findings: [], skipped: 0, commitsScanned: 0 })).toBe(
      'No leaks found in 120 files (4.2 MB)\n',
    );
  });
});

describe('formatJson', () => {
  it('writes a versioned document with keys in a fixed order', () => {
    const parsed = JSON.parse(formatJson(report)) as { version: number; summary: object; findings: object[] };
    expect(parsed.version).toBe(1);
    expect(parsed.summary).toEqual({
      findings: 4,
      filesScanned: 120,
      bytesScanned: 4_200_000,
      skipped: 3,
      commitsScanned: 15,
    });
    expect(Object.keys(parsed.findings[0]!)).toEqual(['kind', 'label', 'prefix', 'keyId', 'key', 'location']);
    expect(parsed.findings[2]).toMatchObject({ location: { file: 'old dir/a.ts', commit: '0123456789ab' } });
    // The same report prints the same bytes, whatever order its objects' fields were built in.
    const shuffled = {
      ...report,
      findings: report.findings.map((finding) => Object.fromEntries(Object.entries(finding).reverse())),
    };
    expect(formatJson(shuffled as ScanReport)).toBe(formatJson(report));
  });
});

interface SarifShape {
  version: string;
  $schema: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: { startLine: number; startColumn: number };
        };
      }[];
      properties?: { commit: string };
    }[];
  }[];
}

describe('formatSarif', () => {
  it('writes SARIF 2.1.0 with both rules and one located result per finding', () => {
    const sarif = JSON.parse(formatSarif(report, '0.1.0')) as SarifShape;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const [run] = sarif.runs;
    expect(run!.tool.driver.name).toBe('keyhaven');
    expect(run!.tool.driver.rules.map((rule) => rule.id)).toEqual(['keyhaven/issued-key', 'keyhaven/vault-secret']);
    expect(run!.results).toHaveLength(4);
    for (const result of run!.results) {
      expect(run!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations).toHaveLength(1);
    }
    const [key, secret, historic, history] = run!.results;
    expect(key).toMatchObject({
      ruleId: 'keyhaven/issued-key',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'src/config.ts', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 9 },
          },
        },
      ],
    });
    expect(secret).toMatchObject({ ruleId: 'keyhaven/vault-secret', level: 'error' });
    expect(historic).toMatchObject({ level: 'warning', properties: { commit: '0123456789ab' } });
    expect(historic!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('old%20dir/a.ts');
    expect(history!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'file:///home/u/.bash_history' });
    expect(key!.properties).toBeUndefined();
  });
});
