import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeFinding, isStillDangerous } from './describe-finding';
import type { Finding, ScanReport } from './findings';

/**
 * The report as SARIF 2.1.0, the format GitHub code scanning and most CI dashboards take. Only the
 * few SARIF types used here are written out (the full schema's types are a package of their own).
 */
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: SarifLevel };
}

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number; startColumn: number };
    };
  }[];
  /** Lets a dashboard follow one leak across runs: the key's label or the entry's id, never the value. */
  partialFingerprints: Record<string, string>;
  properties?: { commit: string };
}

export interface SarifLog {
  version: '2.1.0';
  $schema: string;
  runs: {
    tool: { driver: { name: string; semanticVersion?: string; rules: SarifRule[] } };
    columnKind: 'utf16CodeUnits';
    originalUriBaseIds: Record<string, { description: { text: string } }>;
    results: SarifResult[];
  }[];
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

const RULES: SarifRule[] = [
  {
    id: 'keyhaven/issued-key',
    name: 'IssuedKeyInClear',
    shortDescription: { text: 'A Keyhaven-issued API key in clear' },
    fullDescription: { text: 'A string with the shape and a valid checksum of a key issued by Keyhaven.' },
    help: { text: 'Rotate or revoke the key in Keyhaven, then remove it from the file (and from history).' },
    defaultConfiguration: { level: 'error' },
  },
  {
    id: 'keyhaven/vault-secret',
    name: 'VaultSecretInClear',
    shortDescription: { text: 'A secret stored in a Keyhaven vault, in clear' },
    fullDescription: { text: 'The exact value of a secret held in one of the Keyhaven vaults on this machine.' },
    help: { text: 'Change the secret at its provider, update the vault entry, and remove the value from the file.' },
    defaultConfiguration: { level: 'error' },
  },
];

/** A relative path as a URI reference against %SRCROOT%; an absolute one (a shell history) as a file URI. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function resultOf(finding: Finding): SarifResult {
  const ruleIndex = finding.kind === 'issued-key' ? 0 : 1;
  const { file, line, column, commit } = finding.location;
  return {
    ruleId: (RULES[ruleIndex] as SarifRule).id,
    ruleIndex,
    // A key that no longer opens anything is still worth removing, but it does not fail a build.
    level: isStillDangerous(finding) ? 'error' : 'warning',
    message: { text: describeFinding(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(file),
          region: { startLine: line, startColumn: column },
        },
      },
    ],
    partialFingerprints: { 'keyhaven/v1': finding.kind === 'issued-key' ? finding.label : finding.entryId },
    ...(commit === undefined ? {} : { properties: { commit } }),
  };
}

export function sarifLog(report: ScanReport, toolVersion?: string): SarifLog {
  return {
    version: '2.1.0',
    $schema: SARIF_SCHEMA,
    runs: [
      {
        tool: {
          driver: {
            name: 'keyhaven',
            ...(toolVersion === undefined ? {} : { semanticVersion: toolVersion }),
            rules: RULES,
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SOURCE_ROOT]: { description: { text: 'The scanned directory' } } },
        results: report.findings.map(resultOf),
      },
    ],
  };
}

export function formatSarif(report: ScanReport, toolVersion?: string): string {
  return `${JSON.stringify(sarifLog(report, toolVersion), null, 2)}\n`;
}
