import type { ImportSource } from '../../../../../shared/console/transfer';

/** A picked file as the import sends it: its name and text (the page reads it; main never opens paths). */
export async function fileSource(file: File): Promise<ImportSource> {
  return { kind: 'file', name: file.name, text: await file.text() };
}

/**
 * A picked folder (`<input webkitdirectory>`): every file with its path under the folder's name. Only
 * `.bru` files and bruno.json are read: a cloned repository's other files stay where they are.
 */
export async function folderSource(files: FileList | readonly File[]): Promise<ImportSource> {
  const picked = [...files].filter((file) => /(^|\/)bruno\.json$|\.bru$|(^|\/)opencollection\.yml$/.test(pathOf(file)));
  return {
    kind: 'folder',
    files: await Promise.all(picked.map(async (file) => ({ path: pathOf(file), text: await file.text() }))),
  };
}

const pathOf = (file: File): string => file.webkitRelativePath || file.name;
