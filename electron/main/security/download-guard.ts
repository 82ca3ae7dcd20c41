import { join } from 'node:path';

/** What the guard needs of Electron's DownloadItem. */
export interface DownloadItemLike {
  getURL(): string;
  getFilename(): string;
  setSaveDialogOptions(options: {
    title: string;
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): void;
}

export interface DownloadSessionLike {
  on(
    event: 'will-download',
    listener: (event: { preventDefault(): void }, item: DownloadItemLike, contents: unknown) => void,
  ): unknown;
}

export const EXPORT_EXTENSION = 'khvault';

/** The files the page may save, by how their names end, with their save dialog's wording. */
const SAVEABLE = [
  {
    suffix: `.${EXPORT_EXTENSION}`,
    title: 'Save the vault export',
    filter: { name: 'Keyhaven vault export', extensions: [EXPORT_EXTENSION] },
  },
  // A keyset holds no secret (digests under the app's secret, ids, dates): made to be copied to a service.
  { suffix: '.keyset.json', title: 'Save the keyset', filter: { name: 'Keyhaven keyset', extensions: ['json'] } },
  // A console collection for Postman (issue 13): requests with {{variables}} where keys go, never a key.
  {
    suffix: '.postman_collection.json',
    title: 'Save the collection',
    filter: { name: 'Postman collection', extensions: ['json'] },
  },
] as const;

/**
 * The page saves files the web way (a blob URL and `<a download>`), so the same code runs in Electron
 * and in the browser harness: a vault export (already encrypted when the page holds it) and an app's
 * keyset, and a console collection. This lets exactly those through — a blob made by the page, named
 * `*.khvault`, `*.keyset.json` or `*.postman_collection.json` — with a save dialog in the user's Documents folder, and cancels every other
 * download (a link to a remote file never downloads).
 */
export function installDownloadGuard(session: DownloadSessionLike, documentsDir: string): void {
  session.on('will-download', (event, item) => {
    const name = item.getFilename();
    const kind = SAVEABLE.find((candidate) => name.endsWith(candidate.suffix));
    if (!item.getURL().startsWith('blob:') || kind === undefined) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({
      title: kind.title,
      defaultPath: join(documentsDir, name),
      filters: [{ ...kind.filter, extensions: [...kind.filter.extensions] }],
    });
  });
}
