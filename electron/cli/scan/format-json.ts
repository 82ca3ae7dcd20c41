import type { Finding, FindingLocation, ScanReport } from './findings';

/**
 * The report for scripts: a versioned document whose keys are written in a fixed order (built here
 * field by field, not from the objects as they come), so that two scans of the same tree print the
 * same bytes and a diff of two reports shows only what changed.
 */
export const SCAN_JSON_VERSION = 1;

function locationJson(location: FindingLocation): Record<string, unknown> {
  return {
    file: location.file,
    line: location.line,
    column: location.column,
    ...(location.commit === undefined ? {} : { commit: location.commit }),
  };
}

function findingJson(finding: Finding): Record<string, unknown> {
  if (finding.kind === 'vault-secret') {
    return {
      kind: finding.kind,
      vaultName: finding.vaultName,
      entryName: finding.entryName,
      entryId: finding.entryId,
      location: locationJson(finding.location),
    };
  }
  return {
    kind: finding.kind,
    label: finding.label,
    prefix: finding.prefix,
    keyId: finding.keyId,
    key: finding.key === null ? null : { appName: finding.key.appName, status: finding.key.status },
    location: locationJson(finding.location),
  };
}

export function formatJson(report: ScanReport): string {
  const document = {
    version: SCAN_JSON_VERSION,
    summary: {
      findings: report.findings.length,
      filesScanned: report.filesScanned,
      bytesScanned: report.bytesScanned,
      skipped: report.skipped,
      commitsScanned: report.commitsScanned,
    },
    findings: report.findings.map(findingJson),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
