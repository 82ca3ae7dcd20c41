import { randomUUID } from 'node:crypto';
import type { GeneratedKey, IssuedKeySummary } from '../../../shared/domain/issued-key';
import { appendActivity } from '../activity/activity-log';
import { findApp } from '../apps/app-service';
import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import type { IssuedKeyRecord, KeyhavenFile } from '../db/schema';
import { CoreError } from '../errors';
import type { Keychain } from '../keychain/keychain';
import { formatKey, newKeyId } from './key-format';
import { createKeyHasher, HASH_VERSION, type KeyHasher } from './key-hasher';
import { statusOf } from './key-status';
import { loadPepper } from './pepper';
import { verifyPresentedKey, type VerifyOutcome } from './verify';

const KEY_ID_ATTEMPTS = 5;

export interface GenerateKey {
  appId: string;
  name: string;
}

export class KeyService {
  private hasher: KeyHasher | null = null;

  constructor(
    private readonly db: KeyhavenDb,
    private readonly keychain: Keychain,
    private readonly clock: Clock,
  ) {}

  list(appId: string): IssuedKeySummary[] {
    const data = this.db.snapshot();
    const app = findApp(data, appId);
    const now = this.clock.now();
    return data.keys
      .filter((key) => key.appId === appId)
      .map((key) => toSummary(key, app.keyPrefix, now))
      .reverse();
  }

  async generate(input: GenerateKey): Promise<GeneratedKey> {
    findApp(this.db.snapshot(), input.appId); // fail fast before touching the keychain
    const hasher = await this.loadHasher();
    return this.db.update((data) => {
      const app = findApp(data, input.appId);
      const now = this.clock.now();
      const keyId = uniqueKeyId(data);
      const plaintext = formatKey(app.keyPrefix, keyId);
      const record: IssuedKeyRecord = {
        id: randomUUID(),
        appId: app.id,
        name: input.name,
        keyId,
        hash: hasher.hash(plaintext),
        hashVersion: HASH_VERSION,
        scopes: [],
        createdAt: now.toISOString(),
        expiresAt: null,
        revokedAt: null,
        lastUsedAt: null,
        useCount: 0,
        replacesId: null,
        replacedById: null,
        graceEndsAt: null,
      };
      data.keys.push(record);
      appendActivity(data, now, {
        type: 'key.generated',
        appId: app.id,
        issuedKeyId: record.id,
        summary: `API key "${record.name}" (${app.keyPrefix}_${keyId}) generated`,
      });
      return { key: toSummary(record, app.keyPrefix, now), plaintext };
    });
  }

  /** Checks a presented key; needs the pepper, so it may throw when the keychain is unreachable. */
  async verify(presented: string): Promise<VerifyOutcome> {
    const hasher = await this.loadHasher();
    return verifyPresentedKey(this.db.snapshot(), hasher, presented, this.clock.now());
  }

  private async loadHasher(): Promise<KeyHasher> {
    if (this.hasher) return this.hasher;
    const data = this.db.snapshot();
    const pepper = await loadPepper(this.keychain, data.installationId, data.keys.length > 0);
    this.hasher = createKeyHasher(pepper);
    return this.hasher;
  }
}

function uniqueKeyId(data: KeyhavenFile): string {
  const taken = new Set(data.keys.map((key) => key.keyId));
  for (let attempt = 0; attempt < KEY_ID_ATTEMPTS; attempt += 1) {
    const keyId = newKeyId();
    if (!taken.has(keyId)) return keyId;
  }
  // 62^8 ids: reaching this means the random source is broken, not bad luck.
  throw new CoreError('INTERNAL', 'Could not allocate a unique key id.');
}

export function toSummary(key: IssuedKeyRecord, keyPrefix: string, now: Date): IssuedKeySummary {
  return {
    id: key.id,
    appId: key.appId,
    name: key.name,
    keyPrefix,
    keyId: key.keyId,
    scopes: [...key.scopes],
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
    lastUsedAt: key.lastUsedAt,
    useCount: key.useCount,
    status: statusOf(key, now),
  };
}
