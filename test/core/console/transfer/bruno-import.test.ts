import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRUNO_LIMITS } from '../../../../electron/core/console/transfer/bruno-files';
import { importBruno } from '../../../../electron/core/console/transfer/bruno-import';
import { bearer, expectCoreError, fixturePath, folder, off, on, queryKey, req, xApiKey } from './transfer-helpers';

const CLIENT = on('X-Client', 'keyhaven-fixture');

describe('importBruno: the fixture collection', () => {
  it('orders folders and requests by seq, inherits auth and headers from collection.bru and folder.bru', async () => {
    const result = await importBruno(fixturePath('bruno-acme'));
    expect(result.format).toBe('bruno');
    expect(result.name).toBe('Acme Store (Bruno)');
    expect(result.root).toEqual(
      folder(
        'Acme Store (Bruno)',
        [
          folder(
            'Items',
            [],
            [
              req({
                name: 'List items',
                url: '{{baseUrl}}/v1/items',
                query: [on('limit', '10'), off('page', '2')],
                headers: [CLIENT, on('Accept', 'application/json')],
                auth: bearer('token'),
              }),
              req({
                name: 'Create item',
                method: 'POST',
                url: '{{baseUrl}}/v1/items',
                headers: [CLIENT, on('Content-Type', 'application/json'), off('X-Debug', '1')],
                body: { kind: 'json', text: '{\n  "name": "Widget",\n  "price": 9.5\n}' },
                auth: bearer('token'),
              }),
              req({
                name: 'Get item',
                url: '{{baseUrl}}/v1/items/{{itemId}}',
                headers: [CLIENT],
                auth: bearer('token'),
              }),
            ],
          ),
          folder(
            'Users',
            [],
            [
              req({
                name: 'Create user',
                method: 'POST',
                url: '{{baseUrl}}/v1/users',
                headers: [CLIENT],
                body: {
                  kind: 'form',
                  fields: [
                    { name: 'name', value: 'Ada Lovelace' },
                    { name: 'email', value: 'ada@example.com' },
                  ],
                },
                auth: queryKey('api_key', 'apiKey'),
              }),
              req({
                name: 'Search users',
                url: '{{baseUrl}}/v1/users',
                query: [on('q', 'ada')],
                headers: [CLIENT],
                auth: xApiKey('usersKey'),
              }),
            ],
          ),
        ],
        [
          req({
            name: 'Health',
            url: 'https://status.acme.example/health',
            headers: [CLIENT, off('Authorization', '')],
          }),
        ],
      ),
    );
  });

  it('reads environments/*.bru; secret and secret-looking values come in empty', async () => {
    const result = await importBruno(fixturePath('bruno-acme'));
    expect(result.environments).toEqual([
      {
        name: 'Local',
        variables: [
          { name: 'baseUrl', value: 'http://localhost:3000' },
          { name: 'itemId', value: '42' },
          { name: 'token', value: '' },
        ],
      },
      {
        name: 'Staging',
        variables: [
          { name: 'baseUrl', value: 'https://staging.acme.example' },
          { name: 'itemId', value: '7' },
          { name: 'usersKey', value: '' },
          { name: 'token', value: '' },
          { name: 'searchKey', value: '' },
        ],
      },
    ]);
    expect(result.notes).toEqual([
      'The value of the header Authorization of “Health” was not imported; it is turned off until you fill it in.',
      'The bearer token of “Create item” was not imported: set {{token}} in an environment.',
      'The API key of “Create user” was not imported: set {{apiKey}} in an environment.',
      'The turned-off form fields of “Create user” were not imported.',
      '{{token}} in the environment “Local” is a Bruno secret, whose value stays in Bruno: set it in Keyhaven.',
      'The value of {{usersKey}} in the environment “Staging” was not imported (it looks like a secret): set it in Keyhaven.',
      '{{token}} in the environment “Staging” is a Bruno secret, whose value stays in Bruno: set it in Keyhaven.',
      '{{searchKey}} in the environment “Staging” is a Bruno secret, whose value stays in Bruno: set it in Keyhaven.',
    ]);
  });
});

describe('importBruno: folders it refuses or reads in part', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keyhaven-bruno-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const brunoJson = () =>
    writeFile(join(dir, 'bruno.json'), JSON.stringify({ version: '1', name: 'T', type: 'collection' }));
  const bru = (name: string, seq: number) =>
    `meta {\n  name: ${name}\n  type: http\n  seq: ${seq}\n}\n\nget {\n  url: https://a.example.com/${name}\n  body: none\n  auth: none\n}\n`;

  it('a folder without bruno.json, or in Bruno’s YAML format', async () => {
    await expectCoreError(
      () => importBruno(dir),
      'INVALID_INPUT',
      'This folder is not a Bruno collection: it has no bruno.json.',
    );
    await writeFile(join(dir, 'opencollection.yml'), 'opencollection: 1.0.0\n');
    await expectCoreError(() => importBruno(dir), 'INVALID_INPUT', /Bruno's YAML format \(opencollection\.yml\)/);
    await expectCoreError(() => importBruno(join(dir, 'missing')), 'NOT_FOUND', /was not found\.$/);
  });

  it('a link that leads out of the collection folder', async () => {
    await brunoJson();
    const outside = await mkdtemp(join(tmpdir(), 'keyhaven-outside-'));
    try {
      await writeFile(join(outside, 'Steal.bru'), bru('Steal', 1));
      await symlink(outside, join(dir, 'linked'));
      await expectCoreError(
        () => importBruno(dir),
        'INVALID_INPUT',
        '“linked” links outside the collection folder; Keyhaven does not follow it.',
      );
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('a link inside the folder is read once, even when it loops back', async () => {
    await brunoJson();
    await mkdir(join(dir, 'A'));
    await writeFile(join(dir, 'A', 'One.bru'), bru('One', 1));
    await symlink(dir, join(dir, 'A', 'loop'));
    const result = await importBruno(dir);
    expect(result.root.folders.map((f) => f.name)).toEqual(['A']);
    expect(result.root.folders[0]!.requests.map((r) => r.name)).toEqual(['One']);
  });

  it('more files than the cap', { timeout: 30_000 }, async () => {
    await brunoJson();
    await Promise.all(
      Array.from({ length: BRUNO_LIMITS.entries + 1 }, (_, i) => writeFile(join(dir, `r${i}.txt`), '')),
    );
    await expectCoreError(() => importBruno(dir), 'INVALID_INPUT', /more than 2000 files and folders/);
  });

  it('a .bru file larger than the cap', async () => {
    await brunoJson();
    await writeFile(join(dir, 'Huge.bru'), 'x'.repeat(BRUNO_LIMITS.fileBytes + 1));
    await expectCoreError(() => importBruno(dir), 'INVALID_INPUT', /“Huge\.bru” is larger than 2 MB/);
  });

  it('a broken .bru file is skipped with a note; the others still come in, by seq', async () => {
    await brunoJson();
    await writeFile(join(dir, 'Second.bru'), bru('Second', 2));
    await writeFile(join(dir, 'First.bru'), bru('First', 1));
    await writeFile(join(dir, 'Broken.bru'), 'meta {\n  name: Broken\n');
    const result = await importBruno(dir);
    expect(result.root.requests.map((r) => r.name)).toEqual(['First', 'Second']);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatch(/^“Broken\.bru” could not be read \(.+\); it was skipped\.$/);
  });
});
