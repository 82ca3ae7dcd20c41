import { describe, expect, it } from 'vitest';
import { importPostman } from '../../../../electron/core/console/transfer/postman-import';
import { transferCollectionSchema } from '../../../../electron/core/console/transfer/transfer-collection';
import { bearer, expectCoreError, folder, headerKey, off, on, queryKey, readFixture, req } from './transfer-helpers';

const collection = () => importPostman(readFixture('postman-acme.postman_collection.json'));

describe('importPostman (Collection v2.1)', () => {
  it('keeps the folder tree, request order, URLs, rows, bodies and inherited auth', () => {
    const result = collection();
    expect(result.format).toBe('postman');
    expect(result.name).toBe('Acme Store API');
    expect(transferCollectionSchema.safeParse(result).success).toBe(true);
    expect(result.root).toEqual(
      folder(
        'Acme Store API',
        [
          folder(
            'Items',
            [
              folder(
                'Admin',
                [],
                [
                  req({
                    name: 'Update item',
                    method: 'PUT',
                    // The path variable's value is put in place of `:id`.
                    url: '{{baseUrl}}/v1/items/42',
                    body: { kind: 'raw', text: '<item><name>Widget</name></item>', contentType: 'application/xml' },
                    auth: headerKey('X-Admin-Key', 'adminKey'),
                  }),
                  req({
                    name: 'Delete item',
                    method: 'DELETE',
                    // An empty path variable becomes a variable to fill in.
                    url: '{{baseUrl}}/v1/items/{{id}}',
                    headers: [off('X-API-Key', '')],
                    auth: headerKey('X-Admin-Key', 'adminKey'),
                  }),
                ],
              ),
            ],
            [
              req({
                name: 'List items',
                url: '{{baseUrl}}/v1/items',
                query: [on('limit', '10'), off('page', '2')],
                headers: [on('Accept', 'application/json'), off('X-Debug', '1')],
                auth: bearer('token'),
              }),
              req({
                name: 'Create item',
                method: 'POST',
                url: '{{baseUrl}}/v1/items',
                headers: [on('Content-Type', 'application/json')],
                body: { kind: 'json', text: '{\n    "name": "Widget",\n    "price": 9.5\n}' },
                auth: bearer('token'),
              }),
            ],
          ),
          folder(
            'Accounts',
            [],
            [
              req({
                name: 'Log in',
                method: 'POST',
                url: '{{baseUrl}}/oauth/token',
                body: { kind: 'form', fields: [{ name: 'grant_type', value: 'client_credentials' }] },
              }),
              req({
                name: 'Upload avatar',
                method: 'POST',
                url: '{{baseUrl}}/v1/me/avatar',
                // A multipart form stays multipart (issue 16); its file field is left out, with a note.
                body: { kind: 'multipart', parts: [{ name: 'caption', value: 'Me at the beach', contentType: '' }] },
                auth: bearer('token'),
              }),
            ],
          ),
        ],
        [
          req({
            name: 'Search',
            url: '{{baseUrl}}/v1/search',
            // Query values are decoded: the console encodes rows when it sends them.
            query: [on('q', 'red shoes'), off('token', '')],
            auth: queryKey('api_key', 'apiKey'),
          }),
          req({ name: 'Health', url: 'https://status.acme.example/health' }),
        ],
      ),
    );
  });

  it('turns the collection variables into one environment, secrets emptied', () => {
    expect(collection().environments).toEqual([
      {
        name: 'Acme Store API',
        variables: [
          { name: 'baseUrl', value: 'https://api.acme.example' },
          { name: 'token', value: '' },
          { name: 'adminKey', value: '' },
          { name: 'pageSize', value: '25' },
        ],
      },
    ]);
  });

  it('says what it left out, in the order met', () => {
    expect(collection().notes).toEqual([
      'Pre-request and test scripts were not imported: the console does not run scripts.',
      'The bearer token of “Create item” was not imported: set {{token}} in an environment.',
      '“Purge cache” uses the method PURGE, which the console does not send; it was skipped.',
      'The value of the header X-API-Key of “Delete item” was not imported; it is turned off until you fill it in.',
      'The turned-off form fields of “Log in” were not imported.',
      '“Log in” uses basic authentication, which Keyhaven does not support; it was not imported.',
      'The file fields of “Upload avatar” were not imported: the console sends text fields only.',
      'The API key of “Search” was not imported: set {{apiKey}} in an environment.',
      'The value of the query parameter token of “Search” was not imported; it is turned off until you fill it in.',
      'The value of {{token}} in the environment “Acme Store API” was not imported (it is marked secret): set it in Keyhaven.',
      'The value of {{adminKey}} in the environment “Acme Store API” was not imported (it looks like a secret): set it in Keyhaven.',
    ]);
  });

  it('reads v2.0 auth objects, URL strings and header strings', () => {
    const v20 = {
      info: { name: 'Old', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      item: [
        {
          name: 'Me',
          request: {
            method: 'get',
            url: 'https://api.example.com/me?fields=a,b#frag',
            header: 'Accept: text/plain\nX-Trace: 1',
            auth: { type: 'bearer', bearer: { token: '{{ userToken }}' } },
          },
        },
        { name: 'Ping', request: 'https://api.example.com/ping' },
      ],
    };
    const result = importPostman(JSON.stringify(v20));
    expect(result.root.requests).toEqual([
      req({
        name: 'Me',
        url: 'https://api.example.com/me',
        query: [on('fields', 'a,b')],
        headers: [on('Accept', 'text/plain'), on('X-Trace', '1')],
        auth: bearer('userToken'),
      }),
      req({ name: 'Ping', url: 'https://api.example.com/ping' }),
    ]);
    expect(result.notes).toEqual([]);
  });

  it('refuses text that is not JSON, collection v1 and unknown schemas, saying which', async () => {
    await expectCoreError(
      () => importPostman('{"info": '),
      'INVALID_INPUT',
      /^This Postman collection is not valid JSON \(/,
    );
    await expectCoreError(
      () => importPostman(JSON.stringify({ id: 'x', name: 'v1', order: [], requests: [] })),
      'INVALID_INPUT',
      'Postman Collection v1 is not supported: export the collection again from Postman as Collection v2.1.',
    );
    await expectCoreError(
      () =>
        importPostman(
          JSON.stringify({ info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v3.0.0/' } }),
        ),
      'INVALID_INPUT',
      /schema \(https:\/\/schema\.getpostman\.com\/json\/collection\/v3\.0\.0\/\) is not supported; Keyhaven imports Collection v2\.0 and v2\.1\.$/,
    );
    await expectCoreError(() => importPostman('[]'), 'INVALID_INPUT', 'This file is not a Postman collection.');
  });

  it('stops at folders nested past the depth limit instead of recursing without end', async () => {
    let item: unknown[] = [{ name: 'leaf', request: { method: 'GET', url: 'https://a.example.com' } }];
    for (let i = 0; i < 40; i++) item = [{ name: `f${i}`, item }];
    const deep = {
      info: { name: 'Deep', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item,
    };
    await expectCoreError(
      () => importPostman(JSON.stringify(deep)),
      'INVALID_INPUT',
      /nests folders more than 32 deep/,
    );
  });
});
