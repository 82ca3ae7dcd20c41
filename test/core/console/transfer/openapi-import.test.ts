import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importOpenApi } from '../../../../electron/core/console/transfer/openapi-import';
import { securitySchemesOf } from '../../../../electron/core/console/transfer/openapi-security';
import { bearer, expectCoreError, folder, off, on, queryKey, readFixture, req, xApiKey } from './transfer-helpers';

const text = () => readFixture('openapi-acme.yaml');

describe('importOpenApi', () => {
  it('one request per operation, in folders by first tag (in the tags list order), auth from security', () => {
    const result = importOpenApi(text());
    expect(result.format).toBe('openapi');
    expect(result.name).toBe('Acme Store API');
    expect(result.root).toEqual(
      folder(
        'Acme Store API',
        [
          folder(
            'Users',
            [],
            [
              req({
                name: 'Create user',
                method: 'POST',
                url: '{{baseUrl}}/users',
                // Built from the schema: $refs followed, the self-reference cut, enum's first value.
                body: {
                  kind: 'json',
                  text: JSON.stringify(
                    { email: 'user@example.com', role: 'customer', address: { city: 'Zurich' }, manager: null },
                    null,
                    2,
                  ),
                },
                auth: xApiKey('apiKey'),
              }),
              req({
                name: 'Search users',
                url: '{{baseUrl}}/users/search',
                query: [on('q', 'ada')],
                // A credential header's example value is not imported.
                headers: [on('X-Request-Id', ''), off('X-Api-Token', '')],
                auth: queryKey('api_key', 'apiKey'),
              }),
              req({
                name: 'Log in',
                method: 'POST',
                url: '{{baseUrl}}/login',
                body: {
                  kind: 'form',
                  fields: [
                    { name: 'username', value: 'ada' },
                    { name: 'remember', value: 'true' },
                  ],
                },
              }),
              req({ name: 'Current user', url: '{{baseUrl}}/me', auth: bearer('apiKey') }),
            ],
          ),
          folder(
            'Items',
            [],
            [
              req({
                name: 'List items',
                url: '{{baseUrl}}/items',
                query: [on('limit', '20')],
                auth: xApiKey('apiKey'),
              }),
              req({
                name: 'Create item',
                method: 'POST',
                url: '{{baseUrl}}/items',
                body: { kind: 'json', text: JSON.stringify({ name: 'Widget', price: 9.5, tags: ['blue'] }, null, 2) },
                auth: xApiKey('apiKey'),
              }),
              // No summary: the operationId names it; the path-level $ref parameter becomes {{itemId}}.
              req({ name: 'getItem', url: '{{baseUrl}}/items/{{itemId}}', auth: xApiKey('apiKey') }),
              req({
                name: 'Delete item',
                method: 'DELETE',
                url: '{{baseUrl}}/items/{{itemId}}',
                auth: bearer('apiKey'),
              }),
            ],
          ),
        ],
        [req({ name: 'Health check', url: '{{baseUrl}}/health' })],
      ),
    );
  });

  it('each server is an environment setting baseUrl (server variables at their defaults)', () => {
    expect(importOpenApi(text()).environments).toEqual([
      {
        name: 'Production',
        variables: [
          { name: 'baseUrl', value: 'https://api.acme.example/v1' },
          { name: 'apiKey', value: '' },
        ],
      },
      {
        name: 'Staging',
        variables: [
          { name: 'baseUrl', value: 'https://eu.staging.acme.example/v1' },
          { name: 'apiKey', value: '' },
        ],
      },
    ]);
  });

  it('notes what the console cannot do', () => {
    expect(importOpenApi(text()).notes).toEqual([
      'The value of the header X-Api-Token of “Search users” was not imported; it is turned off until you fill it in.',
      'This API uses HTTP basic authentication, which the console does not send. Requests that need “BasicAuth” were imported without authentication.',
      'This API uses OAuth 2.0: paste an access token, which the console sends as a bearer token.',
      '“Trace health” uses the method TRACE, which the console does not send; it was skipped.',
    ]);
  });

  it('reads the same document as JSON, and a document without servers', () => {
    const doc = parse(text());
    expect(importOpenApi(JSON.stringify(doc)).root).toEqual(importOpenApi(text()).root);
    const bare = importOpenApi(
      JSON.stringify({ openapi: '3.1.0', info: { title: 'Bare' }, paths: { '/a': { get: {} } } }),
    );
    expect(bare.root.requests).toEqual([req({ name: 'GET /a', url: '{{baseUrl}}/a' })]);
    expect(bare.environments).toEqual([{ name: 'OpenAPI servers', variables: [{ name: 'baseUrl', value: '' }] }]);
    expect(bare.notes).toEqual(["The document names no server: set {{baseUrl}} to the API's address."]);
  });

  it('refuses Swagger 2.0, other versions and non-OpenAPI text', async () => {
    await expectCoreError(
      () => importOpenApi('swagger: "2.0"\ninfo:\n  title: Old\npaths: {}\n'),
      'INVALID_INPUT',
      'Swagger 2.0 is not supported; convert to OpenAPI 3.',
    );
    await expectCoreError(
      () => importOpenApi('{"openapi": "4.0.0", "paths": {}}'),
      'INVALID_INPUT',
      'OpenAPI 4.0.0 is not supported; Keyhaven imports OpenAPI 3.0 and 3.1.',
    );
    await expectCoreError(
      () => importOpenApi('title: not openapi\n'),
      'INVALID_INPUT',
      'This file is not an OpenAPI document: it has no openapi version.',
    );
    await expectCoreError(
      () => importOpenApi('openapi: [\n'),
      'INVALID_INPUT',
      /^This OpenAPI document is not valid YAML or JSON/,
    );
  });
});

describe('securitySchemesOf', () => {
  it('describes each scheme and the header scheme the console uses for it', () => {
    expect(securitySchemesOf(parse(text()))).toEqual([
      {
        id: 'ApiKeyAuth',
        type: 'apiKey',
        scheme: { kind: 'x-api-key' },
        description: 'This API uses an API key in the X-API-Key header.',
      },
      { id: 'BearerAuth', type: 'http', scheme: { kind: 'bearer' }, description: 'This API uses a bearer token.' },
      {
        id: 'QueryKey',
        type: 'apiKey',
        scheme: { kind: 'query', name: 'api_key' },
        description: 'This API uses an API key in the api_key query parameter.',
      },
      {
        id: 'BasicAuth',
        type: 'http',
        scheme: null,
        description: 'This API uses HTTP basic authentication, which the console does not send.',
      },
      {
        id: 'OAuth',
        type: 'oauth2',
        scheme: { kind: 'bearer' },
        description: 'This API uses OAuth 2.0: paste an access token, which the console sends as a bearer token.',
      },
    ]);
  });

  it('a custom header name is a custom-header scheme; a cookie key is not sendable', () => {
    const doc = {
      components: {
        securitySchemes: {
          Custom: { type: 'apiKey', in: 'header', name: 'X-Acme-Token' },
          Cookie: { type: 'apiKey', in: 'cookie', name: 'session' },
        },
      },
    };
    expect(securitySchemesOf(doc).map((s) => s.scheme)).toEqual([{ kind: 'header', name: 'X-Acme-Token' }, null]);
  });
});
