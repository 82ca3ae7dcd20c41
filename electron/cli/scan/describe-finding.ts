import type { Finding, FindingLocation, IssuedKeyFinding, ScanReport } from './findings';

/**
 * The words shared by the text and SARIF reports: what a finding is and what to do about it, and the
 * summary of a scan. Never the leaked value: only labels, names and places.
 */

/** Control characters shown as `\xNN`: a file or app name must not move the cursor or recolour the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** `file:line:column`, with the commit for a finding in git history. */
export function placeOf(location: FindingLocation): string {
  const place = `${printable(location.file)}:${location.line}:${location.column}`;
  return location.commit === undefined ? place : `${place} (commit ${location.commit})`;
}

/** An argument as a POSIX shell reads it back: bare when safe, else single-quoted. */
function shellWord(word: string): string {
  return /^[\w.@%+=:,/-]+$/.test(word) ? word : `'${printable(word).replace(/'/g, `'\\''`)}'`;
}

function keyAdvice(finding: IssuedKeyFinding): string {
  const { key } = finding;
  if (key === null) return 'not issued from this data folder: check the Keyhaven data folder that issued it';
  const command = (verb: string): string => `keyhaven keys ${verb} ${shellWord(key.appName)} ${finding.keyId}`;
  switch (key.status) {
    case 'active':
    case 'expiring':
    case 'expiring_soon':
      return `still valid: rotate it now (${command('rotate')})`;
    case 'rotated':
      return `replaced, but it works until its grace period ends: revoke it (${command('revoke')})`;
    case 'expired':
      return 'expired: no longer accepted; remove it';
    case 'revoked':
      return 'revoked: no longer accepted; remove it';
    default:
      return `status ${JSON.stringify(key.status)}: check it in Keyhaven`;
  }
}

/** What was found and what to do, without the place: `Keyhaven key pyas_… (app "Pyas", active) — …`. */
export function describeFinding(finding: Finding): string {
  if (finding.kind === 'vault-secret') {
    return `secret of vault entry ${JSON.stringify(finding.entryName)} (vault ${JSON.stringify(finding.vaultName)}) in clear`;
  }
  const owner =
    finding.key === null
      ? 'unknown key'
      : `app ${JSON.stringify(finding.key.appName)}, ${finding.key.status.replace('_', ' ')}`;
  return `Keyhaven key ${finding.label} (${owner}) — ${keyAdvice(finding)}`;
}

/** Whether the leaked value still opens something: a live or rotated key, an unknown key or a secret. */
export function isStillDangerous(finding: Finding): boolean {
  return (
    finding.kind === 'vault-secret' || finding.key === null || !['expired', 'revoked'].includes(finding.key.status)
  );
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** One line: how many leaks of which kind, and what was scanned and left out. */
export function summaryOf(report: ScanReport): string {
  const keys = report.findings.filter((finding) => finding.kind === 'issued-key').length;
  const secrets = report.findings.length - keys;
  const found =
    report.findings.length === 0
      ? 'No leaks found'
      : `${plural(report.findings.length, 'leak')} found (${plural(keys, 'Keyhaven key')}, ${plural(secrets, 'vault secret')})`;
  const scanned = [`${plural(report.filesScanned, 'file')} (${megabytes(report.bytesScanned)})`];
  if (report.commitsScanned > 0) scanned.push(plural(report.commitsScanned, 'commit'));
  const skipped =
    report.skipped === 0 ? '' : `; ${plural(report.skipped, 'file')} skipped (binary, over 20 MiB or unreadable)`;
  return `${found} in ${scanned.join(' and ')}${skipped}`;
}
