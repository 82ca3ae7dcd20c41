import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatMemberLine, groupFingerprint, parseMemberLine } from '../../../shared/domain/team';
import { decryptWithPassphrase, identityFromFile, recipientOf } from '../../../electron/core/team/team-age';
import {
  ensureTeamIdentity,
  exportTeamIdentity,
  loadTeamIdentity,
  memberLineOf,
  teamIdentityAccount,
} from '../../../electron/core/team/team-identity';
import { fingerprintOf } from '../../../electron/core/team/team-signing';
import { MemoryKeychain } from '../../support/memory-keychain';

const NOW = new Date('2026-12-01T09:00:00.000Z');

/** One character of the recipient's data swapped for another valid Bech32 character. */
const mistype = (recipient: string): string =>
  `${recipient.slice(0, 10)}${recipient[10] === 'q' ? 'p' : 'q'}${recipient.slice(11)}`;

describe('a team identity', () => {
  it('is created on first use, kept in the keychain only, and the same one is loaded afterwards', async () => {
    const keychain = new MemoryKeychain();
    const installation = randomUUID();
    expect(await loadTeamIdentity(keychain, installation)).toBeNull();
    const created = await ensureTeamIdentity(keychain, installation, 'Ada Lovelace', NOW);
    expect(created.ageIdentity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(created.recipient).toBe(await recipientOf(created.ageIdentity));
    expect(keychain.entries.get(teamIdentityAccount(installation))).toContain(created.ageIdentity);

    const again = await ensureTeamIdentity(keychain, installation, 'Someone else', NOW);
    const loaded = await loadTeamIdentity(keychain, installation);
    for (const identity of [again, loaded]) {
      expect(identity).toMatchObject({
        name: 'Ada Lovelace',
        ageIdentity: created.ageIdentity,
        signingPublicKey: created.signingPublicKey,
        fingerprint: created.fingerprint,
      });
    }
    // Another data folder on the same keychain gets its own identity.
    const other = await ensureTeamIdentity(keychain, randomUUID(), 'Ada Lovelace', NOW);
    expect(other.fingerprint).not.toBe(created.fingerprint);
  });

  it('refuses a damaged keychain item rather than silently replacing it', async () => {
    const keychain = new MemoryKeychain();
    const installation = randomUUID();
    await keychain.set(teamIdentityAccount(installation), '{"v":1,"age":"nope"}');
    await expect(ensureTeamIdentity(keychain, installation, 'Ada', NOW)).rejects.toMatchObject({
      code: 'STORAGE_CORRUPT',
    });
    expect(keychain.entries.get(teamIdentityAccount(installation))).toBe('{"v":1,"age":"nope"}');
  });

  it('refuses a name with control or invisible characters', async () => {
    await expect(ensureTeamIdentity(new MemoryKeychain(), randomUUID(), 'Ada\u202Eevil', NOW)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'name',
    });
  });
});

describe('the public member line', () => {
  it('round-trips a name with spaces, and the fingerprint follows from the signing key', async () => {
    const identity = await ensureTeamIdentity(new MemoryKeychain(), randomUUID(), 'Ada  King Lovelace', NOW);
    const line = memberLineOf(identity);
    expect(line).toMatch(/^keyhaven-member:v1 age1[a-z0-9]{58} [A-Za-z0-9_-]{43} Ada {2}King Lovelace$/);
    expect(parseMemberLine(`  ${line}\n`)).toEqual({
      name: 'Ada  King Lovelace',
      recipient: identity.recipient,
      signingKey: identity.signingPublicKey,
    });
    expect(fingerprintOf(parseMemberLine(line).signingKey)).toBe(identity.fingerprint);
    expect(groupFingerprint(identity.fingerprint)).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
  });

  it('is parsed strictly: each damaged part is refused', async () => {
    const identity = await ensureTeamIdentity(new MemoryKeychain(), randomUUID(), 'Ada', NOW);
    const good = { name: 'Ada', recipient: identity.recipient, signingKey: identity.signingPublicKey };
    const cases: [string, RegExp][] = [
      ['', /not a Keyhaven member line/],
      [formatMemberLine(good).replace('keyhaven-member:v1', 'keyhaven-member:v2'), /not a Keyhaven member line/],
      [`keyhaven-member:v1 ${good.recipient} ${good.signingKey}`, /not a Keyhaven member line/],
      [formatMemberLine({ ...good, recipient: good.recipient.slice(0, -1) }), /age X25519 recipient/],
      [formatMemberLine({ ...good, recipient: good.recipient.toUpperCase() }), /age X25519 recipient/],
      [formatMemberLine({ ...good, recipient: `${good.recipient.slice(0, -1)}b` }), /age X25519 recipient/],
      [formatMemberLine({ ...good, recipient: mistype(good.recipient) }), /checksum fails/],
      [formatMemberLine({ ...good, signingKey: `${good.signingKey}A` }), /Ed25519 public key/],
      [formatMemberLine({ ...good, signingKey: good.signingKey.replace(/.$/, 'B') }), /Ed25519 public key/],
      [formatMemberLine({ ...good, name: 'Ada\u200B' }), /invisible/],
    ];
    for (const [line, message] of cases) expect(() => parseMemberLine(line), line).toThrow(message);
  });
});

describe('exporting the identity', () => {
  it('writes age’s identity-file format in clear, or age-encrypted with a passphrase', async () => {
    const identity = await ensureTeamIdentity(new MemoryKeychain(), randomUUID(), 'Ada', NOW);
    const plain = await exportTeamIdentity(identity);
    expect(plain).toBe(
      `# Keyhaven team identity of Ada\n# created: 2026-12-01T09:00:00.000Z\n# public key: ${identity.recipient}\n${identity.ageIdentity}\n`,
    );
    expect(identityFromFile(plain)).toBe(identity.ageIdentity);

    const sealed = await exportTeamIdentity(identity, { passphrase: 'correct horse battery', logN: 10 });
    expect(sealed).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n/);
    expect(sealed).not.toContain(identity.ageIdentity);
    expect(await decryptWithPassphrase('correct horse battery', sealed)).toBe(plain);
    expect(await decryptWithPassphrase('wrong horse battery', sealed)).toBeNull();
    await expect(exportTeamIdentity(identity, { passphrase: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
