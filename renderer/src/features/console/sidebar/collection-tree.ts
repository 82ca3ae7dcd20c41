import type { CollectionsView, Folder, SavedRequest } from '../../../../../shared/console/collections';

/** A folder with what is in it, in the user's order: what the sidebar draws. */
export interface FolderNode {
  folder: Folder;
  folders: FolderNode[];
  requests: SavedRequest[];
  /** How deep it is: 0 for a collection. */
  depth: number;
}

/**
 * The tree of collections, keeping only what matches `filter` (a request by its name, method or URL;
 * a folder by its name, with everything in it) and the folders on the way to a match.
 */
export function collectionTree(view: CollectionsView, filter = ''): FolderNode[] {
  const needle = filter.trim().toLowerCase();
  const matches = (text: string) => needle === '' || text.toLowerCase().includes(needle);
  const build = (parentId: string | null, depth: number, inherited: boolean): FolderNode[] =>
    view.folders
      .filter((folder) => folder.parentId === parentId)
      .flatMap((folder) => {
        const all = inherited || matches(folder.name);
        const folders = build(folder.id, depth + 1, all);
        const requests = view.saved.filter(
          (saved) =>
            saved.folderId === folder.id &&
            (all || matches(saved.name) || matches(`${saved.request.method} ${saved.request.url}`)),
        );
        const keep = needle === '' || all || folders.length > 0 || requests.length > 0;
        return keep ? [{ folder, folders, requests, depth }] : [];
      });
  return build(null, 0, false);
}

/** `Shop API / Orders` for each folder, collections first: the choices of Save as and Move to. */
export function folderChoices(view: CollectionsView): { id: string; path: string }[] {
  const out: { id: string; path: string }[] = [];
  const walk = (nodes: FolderNode[], prefix: string) => {
    for (const node of nodes) {
      const path = prefix ? `${prefix} / ${node.folder.name}` : node.folder.name;
      out.push({ id: node.folder.id, path });
      walk(node.folders, path);
    }
  };
  walk(collectionTree(view), '');
  return out;
}
