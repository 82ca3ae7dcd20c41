// Collections (issue 13): nested folders of saved requests, renamed, reordered, moved, deleted with
// what is in them; console.json from before collections comes forward with one collection per service.
import { randomUUID } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_FILE_NAME } from '../../../electron/core/console/console-db';
import { ConsoleService } from '../../../electron/core/console/console-service';
import { FOLDER_DEPTH_MAX } from '../../../shared/console/collections';
import { clock, closeConsole, entries, openConsole, requestTo, type ConsoleFixture } from './history-fixture';

let fixture: ConsoleFixture;
let service: ConsoleService;
const request = requestTo(() => fixture.api);

beforeEach(async () => {
  fixture = await openConsole();
  service = fixture.service;
});
afterEach(() => closeConsole({ ...fixture, service }));

/** The tree as `Collection/Folder: request, request` lines, in order. */
function outline(): string[] {
  const { folders, saved } = service.collections.view();
  const lines: string[] = [];
  const walk = (parentId: string | null, path: string) => {
    for (const folder of folders.filter((f) => f.parentId === parentId)) {
      const here = path ? `${path}/${folder.name}` : folder.name;
      const names = saved.filter((s) => s.folderId === folder.id).map((s) => s.name);
      lines.push(`${here}: ${names.join(', ')}`);
      walk(folder.id, here);
    }
  };
  walk(null, '');
  return lines;
}

describe('collections', () => {
  it('makes nested folders, saves into them, reorders and moves requests and folders', async () => {
    const shop = await service.collections.createFolder('Shop API', null);
    const orders = await service.collections.createFolder('Orders', shop.id);
    const users = await service.collections.createFolder('Users', shop.id);
    const save = (name: string, folderId: string) => service.saveRequest({ name, folderId, request: request() });
    const list = await save('List orders', orders.id);
    await save('Create order', orders.id);
    const me = await save('Me', users.id);
    expect(outline()).toEqual(['Shop API: ', 'Shop API/Orders: List orders, Create order', 'Shop API/Users: Me']);

    await service.collections.moveSaved(list.id, orders.id, 5); // past the end: last
    await service.collections.moveSaved(me.id, orders.id, 0);
    await service.collections.moveFolder(users.id, shop.id, 0);
    await service.collections.renameFolder(orders.id, 'Orders v2');
    expect(outline()).toEqual(['Shop API: ', 'Shop API/Users: ', 'Shop API/Orders v2: Me, Create order, List orders']);
    // Orders are 0…n-1 after every move.
    expect(service.collections.view().saved.map((s) => s.order)).toEqual([0, 1, 2]);

    await service.close();
    service = await ConsoleService.open(fixture.dir.path, entries, { clock });
    expect(outline()).toEqual(['Shop API: ', 'Shop API/Users: ', 'Shop API/Orders v2: Me, Create order, List orders']);
  });

  it('refuses a folder inside itself or too deep, and answers NOT_FOUND for what is gone', async () => {
    const top = await service.collections.createFolder('Top', null);
    const child = await service.collections.createFolder('Child', top.id);
    await expect(service.collections.moveFolder(top.id, child.id, 0)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'A folder cannot go inside itself.',
    });
    let parent = child.id;
    for (let depth = 3; depth <= FOLDER_DEPTH_MAX; depth++)
      parent = (await service.collections.createFolder(`Level ${depth}`, parent)).id;
    await expect(service.collections.createFolder('Too deep', parent)).rejects.toMatchObject({
      message: `Folders can be at most ${FOLDER_DEPTH_MAX} deep.`,
    });
    await expect(service.saveRequest({ name: 'x', folderId: randomUUID(), request: request() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('deletes a folder with its folders and their requests', async () => {
    const top = await service.collections.createFolder('Top', null);
    const child = await service.collections.createFolder('Child', top.id);
    const other = await service.collections.createFolder('Other', null);
    await service.saveRequest({ name: 'a', folderId: child.id, request: request() });
    await service.saveRequest({ name: 'b', folderId: top.id, request: request() });
    await service.saveRequest({ name: 'c', folderId: other.id, request: request() });
    expect(await service.collections.deleteFolder(top.id)).toEqual({ folders: 2, requests: 2 });
    expect(outline()).toEqual(['Other: c']);
  });

  it('Save updates in place; Save as adds a copy', async () => {
    const folder = await service.collections.createFolder('Pyas', null);
    const saved = await service.saveRequest({ name: 'Who am I', folderId: folder.id, request: request() });
    clock.advance(1000);
    const updated = await service.updateSaved({ id: saved.id, request: request({ method: 'HEAD' }) });
    expect(updated).toMatchObject({ id: saved.id, name: 'Who am I', request: { method: 'HEAD' } });
    await service.saveRequest({ name: 'Who am I (copy)', folderId: folder.id, request: request() });
    expect(outline()).toEqual(['Pyas: Who am I, Who am I (copy)']);
  });
});

describe('console.json from before collections (data version 1)', () => {
  it('turns each service group into a collection, keeping every request', async () => {
    await service.close();
    const now = new Date(0).toISOString();
    const stored = { ...request(), url: 'https://api.pyas.com/v1/whoami' };
    const saved = (name: string, group: string) => ({
      id: randomUUID(),
      name,
      group,
      request: stored,
      secretsRemoved: false,
      createdAt: now,
      updatedAt: now,
    });
    const v1 = {
      schemaVersion: 1,
      journalSeq: 0,
      history: [],
      saved: [saved('b', 'Pyas'), saved('z', 'Atfinity'), saved('a', 'Pyas')],
    };
    const dir = join(fixture.dir.path, 'old');
    await mkdir(dir);
    await writeFile(join(dir, CONSOLE_FILE_NAME), JSON.stringify(v1));
    service = await ConsoleService.open(dir, entries, { clock });
    expect(outline()).toEqual(['Atfinity: z', 'Pyas: a, b']);
    expect(await readFile(join(dir, `${CONSOLE_FILE_NAME}.v1.bak`), 'utf8')).toContain('"group":"Pyas"');
  });
});
