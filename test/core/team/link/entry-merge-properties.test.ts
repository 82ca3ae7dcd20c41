import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeTeamRecords, type TeamRecord } from '../../../../electron/core/team/link/entry-merge';
import type { TeamEntry } from '../../../../shared/domain/team';

/**
 * mergeTeamRecords over random histories (issue 15, item 4): a common ancestor, then each member's
 * own run of edits and key rotations as the app makes them (the replaced key into the history, the
 * version up by one), and sometimes a delete or a missing file. Whatever the two did, no key either
 * side held is lost, versions stay unique and below the current one, and every member computes the
 * same merge.
 */
const MEMBERS = ['a11ce0000000a11c', 'b0b0000000000b0b', 'ca401000000ca401'] as const;
const ID = '5f0c2a1e-8b7d-4c3a-9e21-6d4f7a8b9c01';
const START = Date.parse('2026-12-01T09:00:00.000Z');
const MINUTE = 60_000;
const NOW = new Date('2026-12-01T09:30:00.000Z'); // sometimes before the sides' dates, sometimes after

type Edit =
  | { kind: 'rotate'; secret: string }
  | { kind: 'tags'; tags: string[] }
  | { kind: 'notes'; notes: string }
  | { kind: 'name'; name: string };

/** A small pool, so sides often pick the same key (or go back to an old one). */
const secretArb = fc.oneof(fc.constantFrom('sk_a', 'sk_b', 'sk_c', 'sk_d'), fc.string({ minLength: 1, maxLength: 6 }));
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: secretArb.map((secret) => ({ kind: 'rotate' as const, secret })) },
  fc.array(fc.constantFrom('prod', 'dev', 'ops'), { maxLength: 2 }).map((tags) => ({ kind: 'tags' as const, tags })),
  fc.constantFrom('', 'n1', 'n2').map((notes) => ({ kind: 'notes' as const, notes })),
  fc.constantFrom('Stripe', 'Stripe live').map((name) => ({ kind: 'name' as const, name })),
);

/** `edits` applied by `by`, each `step` minutes after the one before (0: the same instant). */
function applyEdits(from: TeamEntry, edits: readonly Edit[], by: string, steps: readonly number[]): TeamEntry {
  let entry = from;
  edits.forEach((edit, at) => {
    const updatedAt = new Date(Date.parse(entry.updatedAt) + (steps[at] ?? 1) * MINUTE).toISOString();
    const stamped = { ...entry, updatedAt, updatedBy: by };
    if (edit.kind === 'tags') entry = { ...stamped, tags: edit.tags };
    else if (edit.kind === 'notes') entry = { ...stamped, notes: edit.notes };
    else if (edit.kind === 'name') entry = { ...stamped, name: edit.name };
    else {
      const replaced = { version: entry.version, value: entry.secret, replacedAt: updatedAt, by };
      entry = { ...stamped, secret: edit.secret, version: entry.version + 1, history: [...entry.history, replaced] };
    }
  });
  return entry;
}

const genesis: TeamEntry = {
  id: ID,
  name: 'Stripe',
  service: 'Stripe',
  scheme: { kind: 'bearer' },
  baseUrl: null,
  allowedHosts: [],
  tags: [],
  notes: '',
  expiresAt: null,
  secret: 'sk_a',
  version: 1,
  history: [],
  updatedAt: new Date(START).toISOString(),
  updatedBy: MEMBERS[0],
};

/** What one side holds after its edits: the entry, a tombstone of it, or no file. */
const sideArb = (base: TeamEntry) =>
  fc
    .record({
      by: fc.constantFrom(...MEMBERS),
      edits: fc.array(editArb, { maxLength: 4 }),
      steps: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 4, maxLength: 4 }),
      shape: fc.constantFrom('entry', 'entry', 'entry', 'entry', 'tombstone', 'missing'),
    })
    .map(({ by, edits, steps, shape }): TeamRecord | null => {
      const entry = applyEdits(base, edits, by, steps);
      if (shape === 'missing') return null;
      if (shape === 'tombstone') return { id: ID, deleted: true, deletedAt: entry.updatedAt, deletedBy: by };
      return entry;
    });

/** A common ancestor with some history of its own, then ours, theirs, and what git passes as base. */
const caseArb = fc
  .record({
    edits: fc.array(editArb, { maxLength: 3 }),
    baseShape: fc.constantFrom('entry', 'entry', 'entry', 'none', 'tombstone'),
  })
  .chain(({ edits, baseShape }) => {
    const ancestor = applyEdits(genesis, edits, MEMBERS[0], [1, 1, 1]);
    const base: TeamRecord | null =
      baseShape === 'entry'
        ? ancestor
        : baseShape === 'none'
          ? null
          : { id: ID, deleted: true, deletedAt: ancestor.updatedAt, deletedBy: MEMBERS[0] };
    return fc.record({ ours: sideArb(ancestor), theirs: sideArb(ancestor), base: fc.constant(base) });
  });

const isEntry = (record: TeamRecord | null): record is TeamEntry => record !== null && !('deleted' in record);
const keysOf = (entry: TeamEntry): string[] => [entry.secret, ...entry.history.map((item) => item.value)];

describe('mergeTeamRecords, property-based', () => {
  it('no key either side held is lost: each is the merged key or in the merged history', () => {
    fc.assert(
      fc.property(caseArb, ({ ours, theirs, base }) => {
        const outcome = mergeTeamRecords(ours, theirs, base, NOW);
        const held = [ours, theirs].filter(isEntry).flatMap(keysOf);
        if (held.length === 0) return;
        expect(outcome).not.toBeNull();
        const kept = outcome?.kept ?? null;
        expect(isEntry(kept)).toBe(true);
        if (!isEntry(kept)) return;
        const merged = new Set(keysOf(kept));
        for (const secret of held) expect(merged.has(secret), `lost ${JSON.stringify(secret)}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('merged history versions are unique and all below the merged version', () => {
    fc.assert(
      fc.property(caseArb, ({ ours, theirs, base }) => {
        const kept = mergeTeamRecords(ours, theirs, base, NOW)?.kept ?? null;
        if (!isEntry(kept)) return;
        const versions = kept.history.map((item) => item.version);
        expect(new Set(versions).size).toBe(versions.length);
        for (const version of versions) expect(version).toBeLessThan(kept.version);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same three records give the same merge and notice', () => {
    fc.assert(
      fc.property(caseArb, ({ ours, theirs, base }) => {
        const first = mergeTeamRecords(ours, theirs, base, NOW);
        const again = mergeTeamRecords(structuredClone(ours), structuredClone(theirs), structuredClone(base), NOW);
        expect(again).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
