import { describe, expect, it } from 'vitest';
import { importInsomnia, insomniaResources } from '../../../../electron/core/console/transfer/insomnia-import';
import { insomniaText } from '../../../../electron/core/console/transfer/insomnia-request';
import { bearer, expectCoreError, folder, off, on, queryKey, readFixture, req, xApiKey } from './transfer-helpers';

describe('importInsomnia: format 4 export', () => {
  const result = () => importInsomnia(readFixture('insomnia-orders.v4.json'));

  it('builds folders from parentId, sorted by metaSortKey, with Nunjucks variables as {{name}}', () => {
    expect(result().name).toBe('Acme Orders');
    expect(result().root).toEqual(
      folder(
        'Acme Orders',
        [
          folder(
            'Orders',
            [
              folder(
                'Refunds',
                [],
                [
                  req({
                    name: 'Refund order',
                    method: 'POST',
                    url: '{{base_url}}/orders/{{order_id}}/refunds',
                    headers: [on('Content-Type', 'application/x-www-form-urlencoded')],
                    body: { kind: 'form', fields: [{ name: 'amount', value: '19.90' }] },
                    // A literal key was dropped; the auth reads {{apiKey}} instead.
                    auth: xApiKey('apiKey'),
                  }),
                ],
              ),
            ],
            [
              req({
                name: 'Create order',
                method: 'POST',
                url: '{{base_url}}/orders',
                headers: [on('Content-Type', 'application/json'), on('Idempotency-Key', '{{idempotency_key}}')],
                body: {
                  kind: 'json',
                  text: '{\n\t"sku": "WID-1",\n\t"quantity": 2,\n\t"reference": "{% uuid \'v4\' %}"\n}',
                },
                auth: bearer('token'),
              }),
              req({
                name: 'Get order',
                url: '{{base_url}}/orders/1001',
                query: [on('expand', 'items')],
                headers: [off('Authorization', '')],
              }),
              req({
                name: 'List orders',
                url: '{{base_url}}/orders',
                query: [on('status', 'open'), off('limit', '50')],
                headers: [on('User-Agent', 'insomnia/9.3.3'), on('Accept', 'application/json')],
                auth: bearer('token'),
              }),
            ],
          ),
        ],
        [
          req({
            name: 'Search catalog',
            url: '{{base_url}}/catalog/search',
            query: [on('q', 'blue widget')],
            auth: queryKey('api_key', 'catalog_key'),
          }),
        ],
      ),
    );
  });

  it('has the base environment and each sub environment merged over it, secrets emptied', () => {
    expect(result().environments).toEqual([
      {
        name: 'Base Environment',
        variables: [
          { name: 'base_url', value: 'http://localhost:4000' },
          { name: 'api_key', value: '' },
          { name: 'order_id', value: '1001' },
        ],
      },
      {
        name: 'Staging',
        variables: [
          { name: 'base_url', value: 'https://staging.orders.acme.example' },
          { name: 'api_key', value: '' },
          { name: 'order_id', value: '1001' },
          { name: 'token', value: '' },
          // A template tag computes a value; it is not a secret even under a key-like name.
          { name: 'idempotency_key', value: "{% uuid 'v4' %}" },
        ],
      },
      {
        name: 'Production',
        variables: [
          { name: 'base_url', value: 'https://orders.acme.example' },
          { name: 'api_key', value: '' },
          { name: 'order_id', value: '1001' },
          { name: 'token', value: '{{prod_token}}' },
          { name: 'limits.page', value: '100' },
        ],
      },
    ]);
  });

  it('notes the gRPC request, the dropped key, the template tag and the blanked header', () => {
    expect(result().notes).toEqual([
      '“Stock stream” is not an HTTP request (gRPC, WebSocket or Socket.IO); it was skipped.',
      'The turned-off form fields of “Refund order” were not imported.',
      'The API key of “Refund order” was not imported: set {{apiKey}} in an environment.',
      '“Create order” uses Insomnia template tags ({% … %}), which the console does not run; they were kept as text.',
      'The value of the header Authorization of “Get order” was not imported; it is turned off until you fill it in.',
      'The value of {{api_key}} in the environment “Base Environment” was not imported (it looks like a secret): set it in Keyhaven.',
      'The value of {{token}} in the environment “Staging” was not imported (it looks like a secret): set it in Keyhaven.',
    ]);
  });
});

describe('importInsomnia: v5 YAML collection', () => {
  it('reads the nested collection, folder auth and environments', () => {
    const result = importInsomnia(readFixture('insomnia-orders.v5.yaml'));
    expect(result.format).toBe('insomnia');
    expect(result.root).toEqual(
      folder(
        'Acme Orders',
        [
          folder(
            'Orders',
            [],
            [
              req({
                name: 'Create order',
                method: 'POST',
                url: '{{base_url}}/orders',
                headers: [on('Content-Type', 'application/json')],
                body: { kind: 'json', text: '{\n\t"sku": "WID-1",\n\t"quantity": 2\n}' },
                auth: bearer('token'),
              }),
              req({
                name: 'List orders',
                url: '{{base_url}}/orders',
                query: [on('status', 'open')],
                headers: [on('Accept', 'application/json')],
                // No authentication of its own: the folder's API key.
                auth: xApiKey('orders_key'),
              }),
            ],
          ),
        ],
        [],
      ),
    );
    expect(result.environments).toEqual([
      { name: 'Base Environment', variables: [{ name: 'base_url', value: 'http://localhost:4000' }] },
      // Sub environments in sortKey order, not file order.
      { name: 'Staging', variables: [{ name: 'base_url', value: 'https://staging.orders.acme.example' }] },
      {
        name: 'Production',
        variables: [
          { name: 'base_url', value: 'https://orders.acme.example' },
          { name: 'orders_key', value: '' },
        ],
      },
    ]);
    expect(result.notes).toEqual([
      '“Live orders” is not an HTTP request (gRPC, WebSocket or Socket.IO); it was skipped.',
      'The bearer token of “Create order” was not imported: set {{token}} in an environment.',
      'The value of {{orders_key}} in the environment “Production” was not imported (it looks like a secret): set it in Keyhaven.',
    ]);
  });

  it('marks vault values as secrets', () => {
    const yaml = `type: collection.insomnia.rest/5.0
name: Vaulted
collection: []
environments:
  name: Base Environment
  data:
    host: https://a.example.com
    __insomnia_vault:
      signing: ins_vault_value_1
`;
    expect(importInsomnia(yaml).environments).toEqual([
      {
        name: 'Base Environment',
        variables: [
          { name: 'host', value: 'https://a.example.com' },
          { name: 'vault.signing', value: '' },
        ],
      },
    ]);
  });
});

describe('Insomnia input checks', () => {
  it('converts {{ _.name }}, {{_.name}} and {{ name }} to {{name}}', () => {
    expect(insomniaText('{{ _.base }}/a/{{_.id}}?x={{ token }}&y={{ _.admin.user }}')).toBe(
      '{{base}}/a/{{id}}?x={{token}}&y={{admin.user}}',
    );
  });

  it('refuses other export formats and non-exports', async () => {
    await expectCoreError(
      () => insomniaResources({ _type: 'export', __export_format: 3, resources: [] }),
      'INVALID_INPUT',
      /^This Insomnia export is format 3; Keyhaven imports format 4/,
    );
    await expectCoreError(
      () => importInsomnia('{"resources": []}'),
      'INVALID_INPUT',
      'This file is not an Insomnia export.',
    );
    await expectCoreError(
      () => importInsomnia('type: collection.insomnia.rest/6.0\ncollection: []\n'),
      'INVALID_INPUT',
      /is not supported; Keyhaven imports v5 collections and format 4 exports\.$/,
    );
    await expectCoreError(
      () => importInsomnia('type: mock.insomnia.rest/5.0\nname: m\n'),
      'INVALID_INPUT',
      'This Insomnia file is a mock server, not a collection of requests.',
    );
    await expectCoreError(
      () => importInsomnia('{ "_type": "export", '),
      'INVALID_INPUT',
      /^This Insomnia export is not valid JSON/,
    );
  });
});
