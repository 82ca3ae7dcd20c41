import { randomUUID } from 'node:crypto';
import type { TeamEntry } from '../../../shared/domain/team';
import { ensureTeamIdentity, type TeamIdentity } from '../../../electron/core/team/team-identity';
import { MemoryKeychain } from '../../support/memory-keychain';

/** One person with their own keychain and data folder id: a real identity, made the way the app makes it. */
export async function makeIdentity(name: string): Promise<TeamIdentity> {
  return ensureTeamIdentity(new MemoryKeychain(), randomUUID(), name, new Date('2026-12-01T09:00:00.000Z'));
}

export function teamEntry(writer: TeamIdentity, secret: string, fields: Partial<TeamEntry> = {}): TeamEntry {
  return {
    id: randomUUID(),
    name: 'Stripe production',
    service: 'Stripe',
    scheme: { kind: 'bearer' },
    baseUrl: 'https://api.stripe.com',
    allowedHosts: ['api.stripe.com'],
    tags: ['payments'],
    notes: '',
    expiresAt: null,
    secret,
    version: 1,
    history: [],
    updatedAt: '2026-12-01T10:00:00.000Z',
    updatedBy: writer.fingerprint,
    ...fields,
  };
}

/** Several people at once, as a tuple so each gets a name in the test. */
export async function makeIdentities<const N extends readonly string[]>(
  ...names: N
): Promise<{ [K in keyof N]: TeamIdentity }> {
  return (await Promise.all(names.map(makeIdentity))) as { [K in keyof N]: TeamIdentity };
}
