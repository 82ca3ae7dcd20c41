import type { Finding, KeyInfo, ScanReport, VaultSecret } from './findings';
import { scanGitHistory } from './git-history';
import { type FileToScan, filesUnder, nameUnderRoot, readScannableFile } from './scan-files';
import { findingsInText, type TextSearch } from './scan-text';
import { VaultSecretDetector } from './vault-secret-detector';

export interface ScanOptions {
  /** Files and directories to scan; with `git`, each must also be (inside) a git repository. */
  paths: string[];
  /** Also scan every line ever added in the history of each path's repository. */
  git: boolean;
  /** Shell history files to scan, named by their own path in findings (see shellHistoryFiles). */
  historyFiles: string[];
}

export interface ScanSources {
  /** What this data folder knows of an issued key; null if it did not issue it. Asked once per key. */
  lookupKey(prefix: string, keyId: string): KeyInfo | null;
  vaultSecrets: VaultSecret[];
}

/** Files read at once: enough to hide disk latency on a large tree, few enough to bound memory (20 MiB each). */
const READ_CONCURRENCY = 8;

/**
 * Looks for Keyhaven keys and vault secrets in files, shell histories and git history. Findings come
 * in a stable order (files in walk order, then histories, then each repository's commits newest
 * first) and the same leak at the same place is reported once.
 */
export async function scan(options: ScanOptions, sources: ScanSources): Promise<ScanReport> {
  const search: TextSearch = {
    lookupKey: memoized(sources.lookupKey),
    secrets: new VaultSecretDetector(sources.vaultSecrets),
  };
  const report: ScanReport = { findings: [], filesScanned: 0, bytesScanned: 0, skipped: 0, commitsScanned: 0 };
  const files = await filesUnder(options.paths);
  files.push(...options.historyFiles.map((path) => ({ path, displayName: path })));
  await scanFiles(files, search, report);
  if (options.git) {
    for (const root of options.paths) {
      const totals = await scanGitHistory(root, (added) => {
        const origin = {
          file: nameUnderRoot(options.paths, root, added.file),
          commit: added.commit,
          firstLine: added.line,
        };
        report.findings.push(...findingsInText(added.text, origin, search));
      });
      report.commitsScanned += totals.commits;
      report.bytesScanned += totals.bytes;
    }
  }
  report.findings = withoutDuplicates(report.findings);
  return report;
}

async function scanFiles(files: readonly FileToScan[], search: TextSearch, report: ScanReport): Promise<void> {
  // One slot per file, filled in whatever order reads finish, so that the report's order is the walk's.
  const perFile: Finding[][] = new Array<Finding[]>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < files.length; index = next++) {
      const file = files[index] as FileToScan;
      const content = await readScannableFile(file.path);
      if ('skipped' in content) {
        report.skipped += 1;
        perFile[index] = [];
        continue;
      }
      report.filesScanned += 1;
      report.bytesScanned += content.bytes;
      perFile[index] = findingsInText(content.text, { file: file.displayName }, search);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  for (const findings of perFile) report.findings.push(...findings);
}

function memoized(lookup: ScanSources['lookupKey']): ScanSources['lookupKey'] {
  const known = new Map<string, KeyInfo | null>();
  return (prefix, keyId) => {
    const label = `${prefix}_${keyId}`;
    if (!known.has(label)) known.set(label, lookup(prefix, keyId));
    return known.get(label) ?? null;
  };
}

/** The same leak at the same place: same kind, key or entry, file, line, column and commit. */
function identityOf(finding: Finding): string {
  const { file, line, column, commit = '' } = finding.location;
  const what = finding.kind === 'issued-key' ? finding.label : finding.entryId;
  return JSON.stringify([finding.kind, what, file, line, column, commit]);
}

function withoutDuplicates(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const identity = identityOf(finding);
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
}
