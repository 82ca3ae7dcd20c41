import type { Finding, FindingLocation, KeyInfo } from './findings';
import { findKeyhavenKeys } from './keyhaven-key-detector';
import { TextPositions } from './text-position';
import type { VaultSecretDetector } from './vault-secret-detector';

/** What a text is searched with: both detectors, and the lookup that says what a found key is. */
export interface TextSearch {
  lookupKey(prefix: string, keyId: string): KeyInfo | null;
  secrets: VaultSecretDetector;
}

/** Where a text came from: its file (and commit), and the line number of its first line. */
export interface TextOrigin {
  file: string;
  commit?: string;
  firstLine?: number;
}

/** Every issued key and vault secret in one text, located in its file. */
export function findingsInText(text: string, origin: TextOrigin, search: TextSearch): Finding[] {
  const keys = findKeyhavenKeys(text);
  const secrets = search.secrets.find(text);
  if (keys.length === 0 && secrets.length === 0) return [];
  const positions = new TextPositions(text, origin.firstLine);
  const locate = (offset: number): FindingLocation => ({
    file: origin.file,
    ...positions.at(offset),
    ...(origin.commit === undefined ? {} : { commit: origin.commit }),
  });
  const found: { offset: number; finding: Finding }[] = keys.map(({ offset, prefix, keyId }) => ({
    offset,
    finding: {
      kind: 'issued-key',
      prefix,
      keyId,
      label: `${prefix}_${keyId}`,
      location: locate(offset),
      key: search.lookupKey(prefix, keyId),
    },
  }));
  // An issued key saved in a vault is both; it is reported once, as the key (that says what to do).
  const keyOffsets = new Set(keys.map((key) => key.offset));
  for (const { offset, vaultName, entryName, entryId } of secrets) {
    if (keyOffsets.has(offset)) continue;
    found.push({ offset, finding: { kind: 'vault-secret', vaultName, entryName, entryId, location: locate(offset) } });
  }
  // In reading order, keys and secrets mixed, as a person fixing the file goes through it.
  return found.sort((a, b) => a.offset - b.offset).map(({ finding }) => finding);
}
