import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installDownloadGuard, type DownloadItemLike } from '../../electron/main/security/download-guard';

type DialogOptions = Parameters<DownloadItemLike['setSaveDialogOptions']>[0];

function download(url: string, filename: string) {
  const session = new EventEmitter();
  installDownloadGuard(session as never, '/home/me/Documents');
  let prevented = false;
  let dialog: DialogOptions | null = null;
  const item: DownloadItemLike = {
    getURL: () => url,
    getFilename: () => filename,
    setSaveDialogOptions: (options) => {
      dialog = options;
    },
  };
  session.emit('will-download', { preventDefault: () => (prevented = true) }, item, {});
  return { prevented, dialog: dialog as DialogOptions | null };
}

describe('download guard', () => {
  it('lets a vault export made by the page through, with a save dialog in Documents', () => {
    const result = download('blob:file:///0b9c2f0e-1111-4222-8333-944445555666', 'keyhaven-team-2026-11-23.khvault');
    expect(result.prevented).toBe(false);
    expect(result.dialog).toEqual({
      title: 'Save the vault export',
      defaultPath: join('/home/me/Documents', 'keyhaven-team-2026-11-23.khvault'),
      filters: [{ name: 'Keyhaven vault export', extensions: ['khvault'] }],
    });
  });

  it("lets an app's keyset made by the page through, and nothing else ending in .json", () => {
    const result = download('blob:file:///0b9c2f0e-1111-4222-8333-944445555666', 'pyas.keyset.json');
    expect(result).toEqual({
      prevented: false,
      dialog: {
        title: 'Save the keyset',
        defaultPath: join('/home/me/Documents', 'pyas.keyset.json'),
        filters: [{ name: 'Keyhaven keyset', extensions: ['json'] }],
      },
    });
    expect(download('blob:file:///0b9c2f0e-1111-4222-8333-944445555666', 'data.json').prevented).toBe(true);
    expect(download('https://example.com/pyas.keyset.json', 'pyas.keyset.json').prevented).toBe(true);
  });

  it('lets a console collection for Postman through (issue 13)', () => {
    const result = download('blob:file:///0b9c2f0e-1111-4222-8333-944445555666', 'Shop-API.postman_collection.json');
    expect(result).toEqual({
      prevented: false,
      dialog: {
        title: 'Save the collection',
        defaultPath: join('/home/me/Documents', 'Shop-API.postman_collection.json'),
        filters: [{ name: 'Postman collection', extensions: ['json'] }],
      },
    });
    expect(download('https://example.com/a.postman_collection.json', 'a.postman_collection.json').prevented).toBe(true);
  });

  it('cancels a remote file, and a blob that is not a vault export', () => {
    expect(download('https://example.com/keyhaven-x.khvault', 'keyhaven-x.khvault')).toEqual({
      prevented: true,
      dialog: null,
    });
    expect(download('blob:file:///0b9c2f0e-1111-4222-8333-944445555666', 'notes.txt')).toEqual({
      prevented: true,
      dialog: null,
    });
  });
});
