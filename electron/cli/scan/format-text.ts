import { describeFinding, placeOf, summaryOf } from './describe-finding';
import type { ScanReport } from './findings';

/**
 * The report for a terminal: one line per finding, its place first so editors and terminals can
 * open it (`file:line:column`), then a summary line. Ends with a line feed.
 */
export function formatText(report: ScanReport): string {
  const lines = report.findings.map((finding) => `${placeOf(finding.location)}  ${describeFinding(finding)}`);
  lines.push(summaryOf(report));
  return `${lines.join('\n')}\n`;
}
