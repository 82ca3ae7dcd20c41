import { describe, expect, it } from 'vitest';
import { importBruno } from '../../../../electron/core/console/transfer/bruno-import';
import { importInsomnia } from '../../../../electron/core/console/transfer/insomnia-import';
import { importOpenApi } from '../../../../electron/core/console/transfer/openapi-import';
import {
  exportPostman,
  exportPostmanText,
  POSTMAN_SCHEMA_V21,
} from '../../../../electron/core/console/transfer/postman-export';
import { importPostman } from '../../../../electron/core/console/transfer/postman-import';
import type { TransferCollection } from '../../../../electron/core/console/transfer/transfer-collection';
import { fixturePath, readFixture, req } from './transfer-helpers';

const roundTrip = (collection: TransferCollection, variables = collection.environments[0]?.variables ?? []) =>
  importPostman(exportPostmanText(collection, { variables }));

describe('exportPostman', () => {
  it('writes a v2.1 collection with a fresh id, nested folders and auth as variable references', () => {
    const source = importPostman(readFixture('postman-acme.postman_collection.json'));
    const out = exportPostman(source);
    expect(out.info.schema).toBe(POSTMAN_SCHEMA_V21);
    expect(out.info.name).toBe('Acme Store API');
    expect(out.info._postman_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(exportPostman(source).info._postman_id).not.toBe(out.info._postman_id);
    expect(out.item.map((item) => item.name)).toEqual(['Items', 'Accounts', 'Search', 'Health']);
    const search = out.item[2]!.request!;
    expect(search.auth).toEqual({
      type: 'apikey',
      apikey: [
        { key: 'key', value: 'api_key', type: 'string' },
        { key: 'value', value: '{{apiKey}}', type: 'string' },
        { key: 'in', value: 'query', type: 'string' },
      ],
    });
    // Query rows go out encoded, as Postman keeps them; the raw URL has the enabled ones.
    expect(search.url).toEqual({
      raw: '{{baseUrl}}/v1/search?q=red+shoes',
      host: ['{{baseUrl}}'],
      path: ['v1', 'search'],
      query: [
        { key: 'q', value: 'red+shoes' },
        { key: 'token', value: '', disabled: true },
      ],
    });
    expect(out.item[0]!.item![2]!.request!.auth).toEqual({
      type: 'bearer',
      bearer: [{ key: 'token', value: '{{token}}', type: 'string' }],
    });
    // No variables were passed, so none leave.
    expect('variable' in out).toBe(false);
  });

  it('ships only the variables it is given', () => {
    const source = importPostman(readFixture('postman-acme.postman_collection.json'));
    const out = exportPostman(source, {
      variables: [{ name: 'baseUrl', value: 'https://api.acme.example' }],
      postmanId: 'fixed',
    });
    expect(out.info._postman_id).toBe('fixed');
    expect(out.variable).toEqual([{ key: 'baseUrl', value: 'https://api.acme.example', type: 'string' }]);
  });

  it('splits host, port and path the way Postman does', () => {
    const tree: TransferCollection = {
      format: 'keyhaven',
      name: 'Local',
      root: { name: 'Local', folders: [], requests: [req({ name: 'A', url: 'http://localhost:3000/v1/a' })] },
      environments: [],
      notes: [],
    };
    expect(exportPostman(tree).item[0]!.request!.url).toEqual({
      raw: 'http://localhost:3000/v1/a',
      protocol: 'http',
      host: ['localhost'],
      port: '3000',
      path: ['v1', 'a'],
    });
  });

  it('re-imports to the same tree: Postman, Insomnia, Bruno and OpenAPI sources', async () => {
    const sources = [
      importPostman(readFixture('postman-acme.postman_collection.json')),
      importInsomnia(readFixture('insomnia-orders.v4.json')),
      importInsomnia(readFixture('insomnia-orders.v5.yaml')),
      await importBruno(fixturePath('bruno-acme')),
      importOpenApi(readFixture('openapi-acme.yaml')),
    ];
    for (const source of sources) {
      const again = roundTrip(source);
      expect(again.root).toEqual({ ...source.root, name: source.name });
      expect(again.environments).toEqual(
        source.environments.length > 0 && source.environments[0]!.variables.length > 0
          ? [{ name: source.name, variables: source.environments[0]!.variables }]
          : [],
      );
    }
  });

  it('keeps every auth scheme and body kind through the round trip', () => {
    const tree: TransferCollection = {
      format: 'keyhaven',
      name: 'Kinds',
      root: {
        name: 'Kinds',
        folders: [],
        requests: [
          req({
            name: 'x',
            url: 'https://a.example.com',
            auth: { kind: 'scheme', scheme: { kind: 'x-api-key' }, variable: 'k1' },
          }),
          req({
            name: 'api',
            url: 'https://a.example.com',
            auth: { kind: 'scheme', scheme: { kind: 'api-key' }, variable: 'k2' },
          }),
          req({
            name: 'h',
            url: 'https://a.example.com',
            auth: { kind: 'scheme', scheme: { kind: 'header', name: 'X-T' }, variable: 'k3' },
          }),
          req({
            name: 'csv',
            method: 'POST',
            url: 'https://a.example.com',
            headers: [{ name: 'Content-Type', value: 'text/csv', enabled: true }],
            body: { kind: 'raw', text: 'a,b', contentType: 'text/csv' },
          }),
          req({
            name: 'form',
            method: 'POST',
            url: 'https://a.example.com',
            body: { kind: 'form', fields: [{ name: 'a', value: '1 2' }] },
          }),
          req({
            name: 'multipart',
            method: 'POST',
            url: 'https://a.example.com',
            body: {
              kind: 'multipart',
              parts: [
                { name: 'purpose', value: 'fine-tune', contentType: '' },
                { name: 'meta', value: '{"n":1}', contentType: 'application/json' },
              ],
            },
          }),
        ],
      },
      environments: [],
      notes: [],
    };
    const again = roundTrip(tree);
    expect(again.root).toEqual(tree.root);
    expect(again.notes).toEqual([]);
  });
});
