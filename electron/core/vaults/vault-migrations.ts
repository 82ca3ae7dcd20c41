/**
 * Forward migrations of `vaults.json`, `[n]` turning version n into n + 1 (the storage layer writes
 * `vaults.json.v<n>.bak` first).
 */
interface V1File {
  settings: Record<string, unknown>;
  [field: string]: unknown;
}

export const vaultMigrations = {
  // v2 (issue 14): the optional Keyhaven passphrase; none set, and the offer to set one not yet made.
  // A version bump, not an optional field: an older Keyhaven must refuse a folder whose vault keys
  // are wrapped under a passphrase rather than read it as damaged.
  1: (old: unknown): unknown => {
    const v1 = old as V1File;
    return { ...v1, passphrase: null, settings: { ...v1.settings, passphraseOffered: false } };
  },
  // v3 (issue 14): entries may be starred (`favorite`, absent when not). Nothing to fill in; the bump
  // makes an older Keyhaven say the folder is from a newer version instead of calling it damaged.
  2: (old: unknown): unknown => old,
};
