import { CoreError } from '../errors';
import type { RecordSealer } from '../integrity/record-sealer';
import type { Op } from '../db/ops';
import type { IssuedKeyRecord, KeyhavenFile } from '../db/schema';
import { findKey } from '../db/ops';
import { keyLabel } from './key-records';

/**
 * Everything on a key record that decides whether a presented key passes: which key it is (ids,
 * prefix, hash), what it may do (scopes), and when it stops (expiry, revocation, rotation, being
 * disabled). Name, note, use counts and reminders are not sealed: changing them outside Keyhaven lets
 * nothing in.
 */
function sealedFields(key: IssuedKeyRecord): unknown[] {
  return [
    key.id,
    key.appId,
    key.prefix,
    key.keyId,
    key.hash,
    key.hashVersion,
    key.scopes,
    key.createdAt,
    key.expiresAt,
    key.revokedAt,
    key.replacesId,
    key.replacedById,
    key.graceEndsAt,
    // Only while disabled, so the seals of keys never disabled (all keys before version 6) still hold;
    // clearing it outside Keyhaven changes the sealed list, so the record is refused.
    ...(key.disabledAt !== null ? [{ disabledAt: key.disabledAt }] : []),
  ];
}

export const sealKey = (sealer: RecordSealer, key: IssuedKeyRecord): string =>
  sealer.seal('issued-key', sealedFields(key));

/**
 * Verification runs this for every presented key, so a result is remembered per record object as long
 * as the fields a patch can change are the same values: a patch parses its values from JSON, so a new
 * scopes array or timestamp always misses, and a reload makes new record objects.
 */
interface Checked {
  seal: string | null;
  scopes: readonly string[];
  revokedAt: string | null;
  replacedById: string | null;
  graceEndsAt: string | null;
  disabledAt: string | null;
  intact: boolean;
}
const checked = new WeakMap<IssuedKeyRecord, Checked>();

export function keySealHolds(sealer: RecordSealer, key: IssuedKeyRecord): boolean {
  const last = checked.get(key);
  if (
    last &&
    last.seal === key.seal &&
    last.scopes === key.scopes &&
    last.revokedAt === key.revokedAt &&
    last.replacedById === key.replacedById &&
    last.graceEndsAt === key.graceEndsAt &&
    last.disabledAt === key.disabledAt
  ) {
    return last.intact;
  }
  const intact = sealer.matches('issued-key', sealedFields(key), key.seal);
  const { seal, scopes, revokedAt, replacedById, graceEndsAt, disabledAt } = key;
  checked.set(key, { seal, scopes, revokedAt, replacedById, graceEndsAt, disabledAt, intact });
  return intact;
}

export function alteredKeyError(key: IssuedKeyRecord): CoreError {
  return new CoreError(
    'TAMPERED',
    `API key "${key.name}" (${keyLabel(key)}) was changed outside Keyhaven: its record no longer matches its seal, so it is refused. Revoke it and issue a new one.`,
  );
}

/**
 * Seals the key records a commit inserts or patches (the seal goes into the same op, so it is in the
 * same journal line). A patch on a record that no longer matches its seal would launder the outside
 * change, so it is refused, except a revocation, which only ever takes a key out of service.
 */
export function sealKeyOps(data: Readonly<KeyhavenFile>, ops: Op[], sealer: RecordSealer): Op[] {
  const planned = new Map<string, IssuedKeyRecord>();
  return ops.map((op): Op => {
    if (op.type === 'key.insert') {
      const key = { ...op.key, seal: sealKey(sealer, op.key) };
      planned.set(key.id, key);
      return { ...op, key };
    }
    if (op.type !== 'key.patch') return op;
    const current = planned.get(op.id) ?? findKey(data, op.id);
    if (!current) return op;
    if (!planned.has(op.id) && !keySealHolds(sealer, current) && op.patch.revokedAt === undefined) {
      throw alteredKeyError(current);
    }
    const next = { ...current, ...op.patch };
    const seal = sealKey(sealer, next);
    planned.set(op.id, { ...next, seal });
    return { ...op, patch: { ...op.patch, seal } };
  });
}

export const touchesKeys = (ops: readonly Op[]): boolean =>
  ops.some((op) => op.type === 'key.insert' || op.type === 'key.patch');
