import { describe, expect, it } from 'vitest';
import {
  detectFolderFormat,
  detectTextFormat,
  UNKNOWN_FORMAT,
} from '../../../../electron/core/console/transfer/detect-format';
import {
  importCollectionPath,
  importCollectionText,
} from '../../../../electron/core/console/transfer/import-collection';
import { expectCoreError, fixturePath, readFixture } from './transfer-helpers';

describe('detectTextFormat', () => {
  it('recognises each tool’s file by its content', () => {
    expect(detectTextFormat(readFixture('postman-acme.postman_collection.json')).format).toBe('postman');
    expect(detectTextFormat(readFixture('insomnia-orders.v4.json')).format).toBe('insomnia');
    expect(detectTextFormat(readFixture('insomnia-orders.v5.yaml')).format).toBe('insomnia');
    expect(detectTextFormat(readFixture('openapi-acme.yaml')).format).toBe('openapi');
    expect(detectTextFormat('{"openapi":"3.1.0","paths":{}}').format).toBe('openapi');
    expect(detectTextFormat('{"id":"a","name":"v1","order":[],"requests":[]}').format).toBe('postman');
  });

  it('anything else gets one clear sentence; broken JSON says it is broken JSON', async () => {
    for (const text of ['', 'just some notes\n', '{"name": "package", "version": "1.0.0"}', '- a\n- b\n', '42']) {
      await expectCoreError(() => detectTextFormat(text), 'INVALID_INPUT', UNKNOWN_FORMAT);
    }
    await expectCoreError(() => detectTextFormat('{"info": {'), 'INVALID_INPUT', /^This file is not valid JSON \(/);
    await expectCoreError(
      () => detectTextFormat('{"id":"e","name":"Dev","values":[],"_postman_variable_scope":"environment"}'),
      'INVALID_INPUT',
      'This file is a Postman environment, not a collection: export the collection from Postman.',
    );
  });

  it('the importer behind the detection still says what is unsupported', async () => {
    await expectCoreError(
      () => importCollectionText('swagger: "2.0"\npaths: {}\n'),
      'INVALID_INPUT',
      'Swagger 2.0 is not supported; convert to OpenAPI 3.',
    );
    await expectCoreError(
      () => importCollectionText('{"id":"a","name":"v1","order":[],"requests":[]}'),
      'INVALID_INPUT',
      /^Postman Collection v1 is not supported/,
    );
  });
});

describe('importCollectionPath and detectFolderFormat', () => {
  it('a folder is read as Bruno, a file by its content', async () => {
    expect(await detectFolderFormat(fixturePath('bruno-acme'))).toBe('bruno');
    expect((await importCollectionPath(fixturePath('bruno-acme'))).format).toBe('bruno');
    expect((await importCollectionPath(fixturePath('openapi-acme.yaml'))).format).toBe('openapi');
    expect((await importCollectionPath(fixturePath('insomnia-orders.v4.json'))).format).toBe('insomnia');
  });

  it('a folder without bruno.json, and a path that does not exist', async () => {
    await expectCoreError(
      () => detectFolderFormat(fixturePath('.')),
      'INVALID_INPUT',
      /is not a Bruno collection: it has no bruno\.json\.$/,
    );
    await expectCoreError(() => importCollectionPath(fixturePath('nope.json')), 'NOT_FOUND', /was not found\.$/);
  });
});
