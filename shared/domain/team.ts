import { z } from 'zod';
import { headerSchemeSchema } from '../catalogs/service-presets';
import { hasValidBech32Checksum } from './bech32';
import { idSchema, isoDateSchema, nameSchema } from './text';

/**
 * Team vaults (issue 15, DESIGN.md §11): the shapes of what a team repository holds and of the
 * member's public line. Everything here is parsed strictly: these files come from a git host and
 * from teammates, so anything Keyhaven did not write is refused rather than repaired.
 */
export const MEMBER_NAME_MAX = 100;
export const memberNameSchema = nameSchema('Member name', MEMBER_NAME_MAX);

/** An age X25519 recipient: `age1` + bech32 of 32 bytes (52 data + 6 checksum characters, lower case). */
export const ageRecipientSchema = z
  .string()
  .regex(/^age1[02-9ac-hj-np-z]{58}$/, { error: 'Not an age X25519 recipient (age1…).' })
  .refine((s) => hasValidBech32Checksum(s, 'age'), { error: 'This age recipient is mistyped (its checksum fails).' });

/** A raw 32-byte Ed25519 public key in base64url without padding (43 characters). */
export const signingPublicKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/, { error: 'Not an Ed25519 public key (43 base64url characters).' });

/** First 16 hex digits of SHA-256 of the raw signing key: names a member in files and records. */
export const fingerprintSchema = z.string().regex(/^[0-9a-f]{16}$/, { error: 'Not a member fingerprint.' });

const base64urlSchema = z.string().regex(/^[A-Za-z0-9_-]+$/, { error: 'Not base64url.' });
const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Not a SHA-256 digest.' });

/**
 * The public line a member sends to a teammate:
 * `keyhaven-member:v1 <age1 recipient> <signing key> <name>`. The name comes last and runs to the
 * end of the line, so it may hold spaces without any escaping; fixed-shape fields never do.
 */
export const MEMBER_LINE_PREFIX = 'keyhaven-member:v1';

export const teamMemberSchema = z.strictObject({
  name: memberNameSchema,
  recipient: ageRecipientSchema,
  signingKey: signingPublicKeySchema,
  /** A read-only member reads every entry; their signature on an entry or a record is refused. */
  readOnly: z.boolean(),
});
export type TeamMember = z.output<typeof teamMemberSchema>;
export type MemberPublicLine = Omit<TeamMember, 'readOnly'>;

/** Parses a public line; the error says which part is wrong, never echoing more than the prefix. */
export function parseMemberLine(line: string): MemberPublicLine {
  const text = line.trim();
  const parts = /^(\S+) (\S+) (\S+) (.+)$/.exec(text);
  if (parts === null || parts[1] !== MEMBER_LINE_PREFIX) {
    throw new Error(`This is not a Keyhaven member line: it starts with "${MEMBER_LINE_PREFIX} age1…".`);
  }
  const parsed = z
    .strictObject({ recipient: ageRecipientSchema, signingKey: signingPublicKeySchema, name: memberNameSchema })
    .safeParse({ recipient: parts[2], signingKey: parts[3], name: parts[4] });
  if (!parsed.success) throw new Error(`This member line is damaged: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

export function formatMemberLine(member: MemberPublicLine): string {
  return `${MEMBER_LINE_PREFIX} ${member.recipient} ${member.signingKey} ${member.name}`;
}

/** Shown to people as four groups (`a1b2 c3d4 e5f6 0718`), read aloud to compare on a call. */
export const groupFingerprint = (fingerprint: string): string => fingerprint.replace(/(.{4})(?=.)/g, '$1 ');

// ---- keyhaven-team.json -------------------------------------------------------------------------

export const TEAM_FORMAT = 'keyhaven-team';
export const teamFormatFileSchema = z.strictObject({
  format: z.literal(TEAM_FORMAT),
  version: z.literal(1),
  /** SHA-256 of the genesis record: names the team, so records and entries of one never pass in another. */
  teamId: sha256HexSchema,
  vaultRecipient: ageRecipientSchema,
  keyEpoch: z.number().int().positive(),
});
export type TeamFormatFile = z.output<typeof teamFormatFileSchema>;

// ---- members.json -------------------------------------------------------------------------------

export const memberActionSchema = z.discriminatedUnion('type', [
  /** The genesis record: the creator, self-signed, and the vault's first key. */
  z.strictObject({
    type: z.literal('create'),
    member: teamMemberSchema,
    vaultRecipient: ageRecipientSchema,
    keyEpoch: z.literal(1),
  }),
  z.strictObject({ type: z.literal('add'), member: teamMemberSchema }),
  /** Removing always carries the new vault key: a removal without a rotation cannot be written. */
  z.strictObject({
    type: z.literal('remove'),
    fingerprint: fingerprintSchema,
    vaultRecipient: ageRecipientSchema,
    keyEpoch: z.number().int().positive(),
  }),
  z.strictObject({
    type: z.literal('rotate'),
    vaultRecipient: ageRecipientSchema,
    keyEpoch: z.number().int().positive(),
  }),
]);
export type MemberAction = z.output<typeof memberActionSchema>;

export const memberRecordSchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  /** SHA-256 of the previous record's canonical JSON (signature included); null for the genesis. */
  prev: sha256HexSchema.nullable(),
  at: isoDateSchema,
  signer: fingerprintSchema,
  action: memberActionSchema,
  signature: base64urlSchema,
});
export type MemberRecord = z.output<typeof memberRecordSchema>;

export const MEMBERS_FORMAT = 'keyhaven-team-members';
export const membersFileSchema = z.strictObject({
  format: z.literal(MEMBERS_FORMAT),
  version: z.literal(1),
  records: z.array(z.unknown()).min(1),
});

// ---- entries/<id>.age (the plaintext inside) ----------------------------------------------------

export const teamHistoryItemSchema = z.strictObject({
  version: z.number().int().positive(),
  value: z.string(),
  replacedAt: isoDateSchema,
  /** The fingerprint of the member who set this value (see the local history item's `by`). */
  by: fingerprintSchema,
});

/** Stored as written (lengths only bounded): names are checked when entered, not when read back. */
export const teamEntrySchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(800),
  service: z.string().max(400),
  scheme: headerSchemeSchema,
  baseUrl: z.string().max(2048).nullable(),
  allowedHosts: z.array(z.string().max(260)).max(50),
  tags: z.array(z.string().max(200)).max(50),
  notes: z.string().max(10_000),
  expiresAt: isoDateSchema.nullable(),
  secret: z.string().min(1).max(16_384),
  /** The current secret's version: the history holds the ones before it. */
  version: z.number().int().positive(),
  history: z.array(teamHistoryItemSchema),
  updatedAt: isoDateSchema,
  updatedBy: fingerprintSchema,
  /** Set by a removal: the removed members could read this key; it holds while `version` is current. */
  rotateAdvice: z
    .strictObject({
      removed: z.array(z.string().max(200)).max(100),
      at: isoDateSchema,
      version: z.number().int().positive(),
    })
    .optional(),
});
export type TeamEntry = z.output<typeof teamEntrySchema>;

/** A deleted entry leaves a signed tombstone, so a file that just vanishes is never taken for a delete. */
export const teamTombstoneSchema = z.strictObject({
  id: idSchema,
  deleted: z.literal(true),
  deletedAt: isoDateSchema,
  deletedBy: fingerprintSchema,
});
export type TeamTombstone = z.output<typeof teamTombstoneSchema>;

export const TEAM_ENTRY_FORMAT = 'keyhaven-team-entry';
export const teamEntryFileSchema = z.strictObject({
  format: z.literal(TEAM_ENTRY_FORMAT),
  version: z.literal(1),
  teamId: sha256HexSchema,
  entry: z.union([teamEntrySchema, teamTombstoneSchema]),
  /** Who wrote this file (not necessarily `updatedBy`: a removal re-signs every entry). */
  signer: fingerprintSchema,
  signature: base64urlSchema,
});
export type TeamEntryFile = z.output<typeof teamEntryFileSchema>;
