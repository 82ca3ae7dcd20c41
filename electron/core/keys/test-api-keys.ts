import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import type { IssuedKeyRecord } from '../db/schema';
import type { KeyFacts, TestApiKeys } from '../test-api/test-api-keys';
import { CoreError } from '../errors';
import type { KeysetService } from '../keysets/keyset-service';
import { pickByIdOrName } from '../name-lookup';
import type { KeyService } from './key-service';
import { keyLabel } from './key-records';

/** The local test API's view of the key store (test-api/test-api-keys.ts): a check, and public facts. */
export function testApiKeysOf(keys: KeyService, keysets: KeysetService, db: KeyhavenDb, clock: Clock): TestApiKeys {
  const factsOf = (key: IssuedKeyRecord): KeyFacts => ({
    app: db.snapshot().apps.find((app) => app.id === key.appId)?.name ?? null,
    keyId: keyLabel(key),
    name: key.name,
    scopes: [...key.scopes],
    expiresAt: key.expiresAt,
  });
  return {
    async verifyKey(presented, requiredScope) {
      const outcome = await keys.verifyKey(presented, requiredScope);
      return { code: outcome.code, key: outcome.key ? factsOf(outcome.key) : null };
    },
    keyset(wanted) {
      const { apps } = db.snapshot();
      if (wanted === null && apps.length !== 1) {
        throw new CoreError('INVALID_INPUT', 'Name the app: GET /v1/keyset?app=<key prefix>.');
      }
      const app =
        wanted === null
          ? (apps[0] as (typeof apps)[number])
          : (apps.find((candidate) => candidate.keyPrefix === wanted) ??
            pickByIdOrName(apps, wanted, (candidate) => candidate.name, { one: 'app', many: 'apps' }));
      return keysets.forTestApi(app.id);
    },
    now: () => clock.now(),
  };
}
