import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBruno } from '../../../../electron/core/console/transfer/bruno-import';
import { importInsomnia } from '../../../../electron/core/console/transfer/insomnia-import';
import { importOpenApi } from '../../../../electron/core/console/transfer/openapi-import';
import { exportPostmanText } from '../../../../electron/core/console/transfer/postman-export';
import { importPostman } from '../../../../electron/core/console/transfer/postman-import';
import type { TransferCollection } from '../../../../electron/core/console/transfer/transfer-collection';
import { fixturePath, readFixture } from './transfer-helpers';

/**
 * Every literal credential the fixtures hold (tokens, keys, passwords, secret environment values):
 * none may survive an import, anywhere in the result, nor the export of that result.
 */
const SECRETS: Record<string, string[]> = {
  postman: [
    'pm_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    'pm_hdr_5e1b77c0d4f24a8e9c3b',
    'pm_basic_pw_hunter2x',
    'pm_query_key_0c9d8e7f6a5b',
    'pm_url_tok_4411aa',
    'pm_env_secret_tok_7aa1b2c3',
    'pm_env_admin_key_9b8c',
  ],
  insomniaV4: [
    'ins_hdr_tok_61d0c3aa9f',
    'ins_apikey_live_77c1e0b9d2',
    'ins_env_base_key_3f2e1d',
    'ins_env_staging_tok_a1b2c3',
  ],
  insomniaV5: ['ins5_literal_bearer_9e8d7c6b', 'ins5_env_prod_orders_key_44'],
  bruno: [
    'bru_literal_bearer_1f2e3d4c5b6a',
    'bru_literal_query_key_9a8b7c',
    'bru_env_users_key_5d4c3b2a',
    'YnJ1X2Jhc2ljX3VzZXI6cHc=',
  ],
  openapi: ['oa_example_token_5f4e3d2c1b'],
};

function allText(path: string): string {
  if (!statSync(path).isDirectory()) return readFileSync(path, 'utf8');
  return readdirSync(path)
    .map((name) => allText(join(path, name)))
    .join('\n');
}

const cases: [string, string, () => Promise<TransferCollection> | TransferCollection][] = [
  [
    'postman',
    'postman-acme.postman_collection.json',
    () => importPostman(readFixture('postman-acme.postman_collection.json')),
  ],
  ['insomniaV4', 'insomnia-orders.v4.json', () => importInsomnia(readFixture('insomnia-orders.v4.json'))],
  ['insomniaV5', 'insomnia-orders.v5.yaml', () => importInsomnia(readFixture('insomnia-orders.v5.yaml'))],
  ['bruno', 'bruno-acme', () => importBruno(fixturePath('bruno-acme'))],
  ['openapi', 'openapi-acme.yaml', () => importOpenApi(readFixture('openapi-acme.yaml'))],
];

describe('no literal secret comes through an import', () => {
  it.each(cases)('%s', async (key, fixture, run) => {
    const secrets = SECRETS[key]!;
    // The fixture really holds them, so a passing test means they were taken out.
    const source = allText(fixturePath(fixture));
    for (const secret of secrets) expect(source).toContain(secret);

    const result = await run();
    const imported = JSON.stringify(result);
    const exported = exportPostmanText(result, { variables: result.environments.flatMap((e) => e.variables) });
    for (const secret of secrets) {
      expect(imported).not.toContain(secret);
      expect(exported).not.toContain(secret);
    }
  });
});
