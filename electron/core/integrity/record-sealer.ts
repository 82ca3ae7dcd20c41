import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a seal protects: key records in keyhaven.json, vault entry settings in vaults.json. */
export type SealedKind = 'issued-key' | 'vault-entry';

const SEAL_PREFIX = 'v1.';

/**
 * HMAC-SHA256, under a key kept in the OS keychain (seal-source.ts), over the fields of a record that
 * decide security. Anyone can edit the data files; without the keychain's key nobody can make an
 * edited record's seal match again, so an un-revoked key or a widened host list is refused by name.
 * The kind is part of the MAC input, so a seal never fits a record of another kind.
 */
export class RecordSealer {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('A record seal key has 32 bytes.');
  }

  seal(kind: SealedKind, fields: readonly unknown[]): string {
    return SEAL_PREFIX + this.mac(kind, fields).toString('base64url');
  }

  matches(kind: SealedKind, fields: readonly unknown[], seal: string | null | undefined): boolean {
    if (typeof seal !== 'string' || !seal.startsWith(SEAL_PREFIX)) return false;
    const given = Buffer.from(seal.slice(SEAL_PREFIX.length), 'base64url');
    const expected = this.mac(kind, fields);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(kind: SealedKind, fields: readonly unknown[]): Buffer {
    return createHmac('sha256', this.key)
      .update(JSON.stringify([kind, ...fields]))
      .digest();
  }
}
