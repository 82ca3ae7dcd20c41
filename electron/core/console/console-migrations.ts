import { createHash } from 'node:crypto';

/**
 * Forward migrations of `console.json`, `[n]` turning version n into n + 1 (the storage layer writes
 * `console.json.v<n>.bak` first).
 */
interface V1Saved {
  group: string;
  createdAt: string;
  [field: string]: unknown;
}
interface V1File {
  saved: V1Saved[];
  [field: string]: unknown;
}

/** A UUID-shaped id derived from a name, so migrating the same file twice gives the same ids. */
function derivedId(name: string): string {
  const hex = createHash('sha256').update(`keyhaven-console-collection:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const consoleMigrations = {
  // v2 (issue 13): each service group of saved requests becomes a collection (a top-level folder)
  // holding them in their old order (by name); environments arrive, none chosen.
  1: (old: unknown): unknown => {
    const v1 = old as V1File;
    const groups = [...new Set(v1.saved.map((saved) => saved.group))].sort((a, b) => a.localeCompare(b));
    const earliest = (group: string) =>
      v1.saved
        .filter((saved) => saved.group === group)
        .map((saved) => saved.createdAt)
        .sort()[0] as string;
    const folders = groups.map((group, order) => ({
      id: derivedId(group),
      name: group,
      parentId: null,
      order,
      createdAt: earliest(group),
    }));
    const saved = groups.flatMap((group) =>
      v1.saved
        .filter((item) => item.group === group)
        .sort((a, b) => String(a['name']).localeCompare(String(b['name'])))
        .map(({ group: _group, ...rest }, order) => ({ ...rest, folderId: derivedId(group), order })),
    );
    return { ...v1, folders, saved, environments: [], activeEnvironmentId: null };
  },
};
