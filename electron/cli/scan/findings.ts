/**
 * What `keyhaven scan` reports. A finding says where a leak is and what leaked, never the leaked
 * value: not the secret, not the random part of a key. The report may be printed, uploaded as SARIF
 * or kept in CI logs, so it must be safe to publish.
 */

/** Where a leak was found. Lines and columns are 1-based; columns count UTF-16 code units. */
export interface FindingLocation {
  /** Relative to the scanned root (or the shell history file's path, or the path in a commit). */
  file: string;
  line: number;
  column: number;
  /** The commit (12 hex digits) whose added line holds the leak, for findings in git history. */
  commit?: string;
}

/** What this data folder knows about an issued key, from the scan's lookup callback. */
export interface KeyInfo {
  appName: string;
  /** A KeyStatus from shared/domain ('active', 'expiring_soon', 'expired', 'revoked', 'rotated'); any other is shown as is. */
  status: string;
}

export interface IssuedKeyFinding {
  kind: 'issued-key';
  prefix: string;
  keyId: string;
  /** `<prefix>_<keyId>`: the public handle Keyhaven shows in its tables. */
  label: string;
  location: FindingLocation;
  /** Null: a checksum-valid Keyhaven key that this data folder did not issue. */
  key: KeyInfo | null;
}

export interface VaultSecretFinding {
  kind: 'vault-secret';
  vaultName: string;
  entryName: string;
  entryId: string;
  location: FindingLocation;
}

export type Finding = IssuedKeyFinding | VaultSecretFinding;

/** A vault entry's secret as the scan looks for it. Held in memory only; never copied into a finding. */
export interface VaultSecret {
  vaultName: string;
  entryName: string;
  entryId: string;
  secret: string;
}

export interface ScanReport {
  findings: Finding[];
  /** Files read and searched: tree files and shell history files (not commits). */
  filesScanned: number;
  /** Bytes searched: whole scanned files plus the added lines of scanned commits. */
  bytesScanned: number;
  /** Files left out: binary, over the size limit, unreadable, or not regular files. */
  skipped: number;
  commitsScanned: number;
}
