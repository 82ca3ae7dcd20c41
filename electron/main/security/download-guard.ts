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

/**
 * The page saves a vault export the web way (a blob URL and `<a download>`), so the same code runs in
 * Electron and in the browser harness; the file is already encrypted when the page holds it. This lets
 * exactly that through — a blob made by the page, named `*.khvault` — with a save dialog in the
 * user's Documents folder, and cancels every other download (a link to a remote file never downloads).
 */
export function installDownloadGuard(session: DownloadSessionLike, documentsDir: string): void {
  session.on('will-download', (event, item) => {
    const name = item.getFilename();
    if (!item.getURL().startsWith('blob:') || !name.endsWith(`.${EXPORT_EXTENSION}`)) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({
      title: 'Save the vault export',
      defaultPath: join(documentsDir, name),
      filters: [{ name: 'Keyhaven vault export', extensions: [EXPORT_EXTENSION] }],
    });
  });
}
