// Importing into the console and exporting from it (issue 13): the tree lands as a new collection with
// its environments in one commit, keys become {{variables}} or the chosen vault entry, nothing secret
// reaches console.json, and an exported collection imports back to the same requests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleService } from '../../../electron/core/console/console-service';
import { importBruno } from '../../../electron/core/console/transfer/bruno-import';
import { importBrunoFiles } from '../../../electron/core/console/transfer/bruno-import';
import type { ImportSource } from '../../../shared/console/transfer';
import { closeConsole, entryId, filesContaining, openConsole, type ConsoleFixture } from './history-fixture';
import { fixturePath, readFixture } from './transfer/transfer-helpers';

let fixture: ConsoleFixture;
let service: ConsoleService;
beforeEach(async () => {
  fixture = await openConsole();
  service = fixture.service;
});
afterEach(() => closeConsole(fixture));

const file = (name: string): ImportSource => ({ kind: 'file', name, text: readFixture(name) });

/** A folder as the page sends it: `<folder>/<path>` and text, like webkitRelativePath. */
function folderSource(name: string): ImportSource {
  const root = fixturePath(name);
  const files: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.push({ path: [name, ...relative(root, full).split(sep)].join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return { kind: 'folder', files };
}

/** `Folder/Sub: METHOD name` lines of the collection, in order. */
function outline(collectionId: string): string[] {
  const { folders, saved } = service.collections.view();
  const lines: string[] = [];
  const walk = (id: string, path: string) => {
    for (const request of saved.filter((s) => s.folderId === id))
      lines.push(`${path}: ${request.request.method} ${request.name}`);
    for (const child of folders.filter((f) => f.parentId === id)) walk(child.id, `${path}/${child.name}`);
  };
  walk(collectionId, '');
  return lines;
}

describe('importing into the console', () => {
  it('previews, then writes a Postman collection with its environment; keys become {{variables}}', async () => {
    const preview = service.previewImport(file('postman-acme.postman_collection.json'));
    expect(preview).toMatchObject({ format: 'postman' });
    expect(preview.requests).toBeGreaterThan(3);
    expect(service.collections.view().folders).toEqual([]); // a preview writes nothing

    const result = await service.importCollection(file('postman-acme.postman_collection.json'), null);
    expect(result).toMatchObject({ name: preview.name, requests: preview.requests, folders: preview.folders });
    expect(outline(result.collectionId)).toHaveLength(preview.requests);
    expect(service.environments.view().environments.map((e) => e.name)).toEqual(result.environments);
    // None was chosen: the collection's own environment is, so its {{variables}} fill in at once.
    expect(service.environments.active()?.name).toBe(result.environments[0]);
    const withKey = service.collections.view().saved.filter((s) => s.request.headers.some((h) => /\{\{/.test(h.value)));
    expect(withKey.length).toBeGreaterThan(0);
    expect(withKey.every((s) => s.request.auth.kind === 'none')).toBe(true);

    // A second import of the same file is a second collection, not a merge.
    const again = await service.importCollection(file('postman-acme.postman_collection.json'), null);
    expect(again.name).toBe(`${result.name} (2)`);
    await service.close();
    for (const secret of [
      'pm_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      'pm_hdr_5e1b77c0d4f24a8e9c3b',
      'pm_env_secret_tok_7aa1b2c3',
    ])
      expect(await filesContaining(fixture.dir.path, secret)).toEqual([]);
  });

  it('gives requests that send a key the chosen vault entry, each with its own scheme', async () => {
    const preview = service.previewImport(file('openapi-acme.yaml'));
    expect(preview.securitySchemes.length).toBeGreaterThan(0);
    expect(preview.securitySchemes.every((scheme) => scheme.description.length > 0)).toBe(true);
    const result = await service.importCollection(file('openapi-acme.yaml'), entryId);
    const saved = service.collections.view().saved;
    const entryAuth = saved.filter((s) => s.request.auth.kind === 'entry');
    expect(entryAuth).toHaveLength(preview.requestsWithAuth);
    expect(entryAuth.every((s) => s.request.auth.kind === 'entry' && s.request.auth.entryId === entryId)).toBe(true);
    expect(result.environments.length).toBeGreaterThan(0);
    expect(saved.every((s) => s.request.url.startsWith('{{baseUrl}}'))).toBe(true);
  });

  it('reads a Bruno folder sent by the page as it reads it from disk', async () => {
    const fromPage = importBrunoFiles(
      (folderSource('bruno-acme') as { files: { path: string; text: string }[] }).files,
    );
    expect(fromPage).toEqual(await importBruno(fixturePath('bruno-acme')));
    const result = await service.importCollection(folderSource('bruno-acme'), null);
    expect(outline(result.collectionId).length).toBe(result.requests);
    await expect(
      service.importCollection({ kind: 'folder', files: [{ path: 'x/../../etc/passwd.bru', text: '' }] }, null),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('leaves nothing behind when an import fails', async () => {
    await expect(
      service.importCollection({ kind: 'file', name: 'x.json', text: '{"hello":1}' }, null),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'This file is not a Postman collection (v2.1), an Insomnia export or an OpenAPI 3 document.',
    });
    expect(service.collections.view()).toEqual({ folders: [], saved: [] });
  });
});

describe('exporting from the console', () => {
  it('writes Postman v2.1 without any key, and imports back to the same requests', async () => {
    const imported = await service.importCollection(file('insomnia-orders.v4.json'), entryId);
    const exported = service.exportCollection(imported.collectionId);
    expect(exported.fileName).toMatch(/\.postman_collection\.json$/);
    const document = JSON.parse(exported.text) as { info: { schema: string } };
    expect(document.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(exported.text).not.toContain(entryId);

    const back = await service.importCollection(
      { kind: 'file', name: exported.fileName, text: exported.text },
      entryId,
    );
    expect(outline(back.collectionId)).toEqual(outline(imported.collectionId));
    const requestsOf = (id: string) =>
      service.collections.view().saved.filter((s) => outline(id).some((line) => line.endsWith(` ${s.name}`)));
    expect(requestsOf(back.collectionId).length).toBeGreaterThan(0);
  });
});
