import { describe, expect, it } from 'vitest';
import { mergeTeamRecords, type TeamRecord } from '../../../../electron/core/team/link/entry-merge';
import type { TeamEntry, TeamTombstone } from '../../../../shared/domain/team';

/**
 * The field-by-field merge of two members' concurrent changes to one team entry (issue 15, item 4),
 * on its own: no git, no keys. What the team-merges tests show end to end, case by case here.
 */
const ALICE = 'a11ce0000000a11c';
const BOB = 'b0b0000000000b0b';
const ID = '5f0c2a1e-8b7d-4c3a-9e21-6d4f7a8b9c01';
const T0 = '2026-12-01T09:00:00.000Z';
const T1 = '2026-12-02T10:00:00.000Z';
const T2 = '2026-12-02T10:05:00.000Z';
const NOW = new Date('2026-12-03T00:00:00.000Z');

const base: TeamEntry = {
  id: ID,
  name: 'Stripe',
  service: 'Stripe',
  scheme: { kind: 'bearer' },
  baseUrl: null,
  allowedHosts: [],
  tags: ['payments'],
  notes: '',
  expiresAt: null,
  secret: 'sk_original',
  version: 1,
  history: [],
  updatedAt: T0,
  updatedBy: ALICE,
};

const edit = (changes: Partial<TeamEntry>): TeamEntry => ({ ...base, ...changes });
/** A new key set by `by` at `at`: the current one goes into the history, as the app does. */
const rotated = (from: TeamEntry, secret: string, by: string, at: string): TeamEntry => ({
  ...from,
  secret,
  version: from.version + 1,
  history: [...from.history, { version: from.version, value: from.secret, replacedAt: at, by }],
  updatedAt: at,
  updatedBy: by,
});
const tombstone = (by: string, at: string): TeamTombstone => ({ id: ID, deleted: true, deletedAt: at, deletedBy: by });

const merge = (ours: TeamRecord | null, theirs: TeamRecord | null, ancestor: TeamRecord | null = base) =>
  mergeTeamRecords(ours, theirs, ancestor, NOW);
const keptEntry = (outcome: ReturnType<typeof merge>): TeamEntry => {
  if (outcome === null || 'deleted' in outcome.kept) throw new Error('expected an entry');
  return outcome.kept;
};

describe('mergeTeamRecords: fields', () => {
  it('a field only one side changed takes that side’s value, even from the older side', () => {
    const ours = edit({ tags: ['payments', 'prod'], updatedAt: T1, updatedBy: ALICE });
    const theirs = edit({ notes: 'rotate quarterly', updatedAt: T2, updatedBy: BOB });
    const outcome = merge(ours, theirs);
    const kept = keptEntry(outcome);
    expect(kept.tags).toEqual(['payments', 'prod']);
    expect(kept.notes).toBe('rotate quarterly');
    expect(kept.secret).toBe('sk_original');
    expect(outcome?.notice).toBeNull();
  });

  it('a field both changed takes the newer change, and the notice names the field and both members', () => {
    const ours = edit({ name: 'Stripe live', tags: ['prod'], updatedAt: T2, updatedBy: ALICE });
    const theirs = edit({ name: 'Stripe prod', notes: 'Bob’s note', updatedAt: T1, updatedBy: BOB });
    const outcome = merge(ours, theirs);
    expect(keptEntry(outcome)).toMatchObject({ name: 'Stripe live', tags: ['prod'], notes: 'Bob’s note' });
    expect(outcome?.notice).toEqual({
      kind: 'newer-kept',
      entryId: ID,
      name: 'Stripe live',
      keptFrom: ALICE,
      olderFrom: BOB,
      fields: ['name'],
    });
  });

  it('a tie in updatedAt goes to theirs (every member picks the same side)', () => {
    const ours = edit({ name: 'Ours', updatedAt: T1, updatedBy: ALICE });
    const theirs = edit({ name: 'Theirs', updatedAt: T1, updatedBy: BOB });
    expect(merge(ours, theirs)?.kept).toBe(theirs);
  });

  it('without a common ancestor every differing field counts as changed on both sides', () => {
    const ours = edit({ tags: ['mine'], notes: 'older note', updatedAt: T1, updatedBy: ALICE });
    const theirs = edit({ notes: 'newer note', updatedAt: T2, updatedBy: BOB });
    const outcome = merge(ours, theirs, null);
    expect(outcome?.kept).toBe(theirs);
    // Theirs wins whole, but Alice's tags and note are gone: the notice says so.
    expect(outcome?.notice).toMatchObject({
      kind: 'newer-kept',
      fields: ['tags', 'notes'],
      keptFrom: BOB,
      olderFrom: ALICE,
    });
  });

  it('an ancestor that is a tombstone is treated as no ancestor', () => {
    const ours = edit({ tags: ['mine'], updatedAt: T2, updatedBy: ALICE });
    const theirs = edit({ updatedAt: T1, updatedBy: BOB });
    expect(merge(ours, theirs, tombstone(BOB, T0))?.kept).toBe(ours);
  });
});

describe('mergeTeamRecords: keys and history', () => {
  it('two new keys: the newer is current, the older goes into history with who set it and when', () => {
    const ours = rotated(base, 'sk_from_alice', ALICE, T1);
    const theirs = rotated(base, 'sk_from_bob', BOB, T2);
    const outcome = merge(ours, theirs);
    const kept = keptEntry(outcome);
    expect(kept.secret).toBe('sk_from_bob');
    expect(kept.history).toContainEqual(expect.objectContaining({ value: 'sk_from_alice', by: ALICE, replacedAt: T1 }));
    expect(outcome?.notice).toMatchObject({ kind: 'newer-kept', fields: ['secret'], keptFrom: BOB, olderFrom: ALICE });
  });

  it('both made a "version 2": history is renumbered in the order keys were replaced, current above all', () => {
    const ours = rotated(base, 'sk_from_alice', ALICE, T1);
    const theirs = rotated(base, 'sk_from_bob', BOB, T2);
    const kept = keptEntry(merge(ours, theirs));
    // sk_original was replaced on both sides: the earliest record of it (Alice's) is kept, once.
    expect(kept.history).toEqual([
      { version: 1, value: 'sk_original', replacedAt: T1, by: ALICE },
      { version: 2, value: 'sk_from_alice', replacedAt: T1, by: ALICE },
    ]);
    expect(kept.version).toBe(3);
  });

  it('history from both sides is united without duplicates, versions kept while they stay unique', () => {
    const ancestor = rotated(base, 'sk_second', ALICE, T0);
    const ours = rotated(ancestor, 'sk_third', ALICE, T1); // Alice rotates
    const theirs = { ...ancestor, notes: 'owner: platform', updatedAt: T2, updatedBy: BOB }; // Bob edits notes
    const kept = keptEntry(merge(ours, theirs, ancestor));
    expect(kept.secret).toBe('sk_third');
    expect(kept.notes).toBe('owner: platform');
    expect(kept.history).toEqual([
      { version: 1, value: 'sk_original', replacedAt: T0, by: ALICE },
      { version: 2, value: 'sk_second', replacedAt: T1, by: ALICE },
    ]);
    expect(kept.version).toBe(3);
  });

  it('the current key is never also in the history', () => {
    // Bob went back to the original key; the older side had it in its history.
    const ours = rotated(base, 'sk_from_alice', ALICE, T1);
    const theirs = rotated(rotated(base, 'sk_tmp', BOB, T0), 'sk_original', BOB, T2);
    const kept = keptEntry(merge(ours, theirs, null));
    expect(kept.secret).toBe('sk_original');
    expect(kept.history.map((item) => item.value)).not.toContain('sk_original');
    expect(kept.history.map((item) => item.value).sort()).toEqual(['sk_from_alice', 'sk_tmp']);
  });
});

describe('mergeTeamRecords: deletes and missing sides', () => {
  it('our delete against their edit keeps their entry, with a notice', () => {
    const theirs = rotated(base, 'sk_still_used', BOB, T1);
    const outcome = merge(tombstone(ALICE, T2), theirs);
    expect(outcome?.kept).toBe(theirs);
    expect(outcome?.notice).toEqual({
      kind: 'edit-kept-over-delete',
      entryId: ID,
      name: 'Stripe',
      deletedBy: ALICE,
      editedBy: BOB,
    });
  });

  it('their delete against our edit keeps our entry, with a notice', () => {
    const ours = rotated(base, 'sk_still_used', ALICE, T1);
    const outcome = merge(ours, tombstone(BOB, T2));
    expect(outcome?.kept).toBe(ours);
    expect(outcome?.notice).toMatchObject({ kind: 'edit-kept-over-delete', deletedBy: BOB, editedBy: ALICE });
  });

  it('deleted on both sides: their tombstone, no notice', () => {
    const theirs = tombstone(BOB, T1);
    expect(merge(tombstone(ALICE, T2), theirs)).toEqual({ kept: theirs, notice: null });
  });

  it('a side without the file keeps the other side as it is; neither side: nothing', () => {
    const ours = edit({ notes: 'x' });
    expect(merge(ours, null)).toEqual({ kept: ours, notice: null });
    expect(merge(null, ours)).toEqual({ kept: ours, notice: null });
    expect(merge(null, null)).toBeNull();
  });
});

describe('mergeTeamRecords: the date of a merge', () => {
  it('a result equal to one side is that side, its date unchanged', () => {
    const ours = edit({ notes: 'x', updatedAt: T1 });
    const outcome = merge(ours, base);
    expect(outcome?.kept).toBe(ours);
    expect(keptEntry(outcome).updatedAt).toBe(T1);
  });

  it('a combination of both sides is dated after both, even when the clock is behind', () => {
    const ours = edit({ tags: ['prod'], updatedAt: T1, updatedBy: ALICE });
    const theirs = edit({ notes: 'y', updatedAt: T2, updatedBy: BOB });
    const behind = mergeTeamRecords(ours, theirs, base, new Date(T0));
    expect(keptEntry(behind).updatedAt).toBe('2026-12-02T10:05:00.001Z');
    const ahead = keptEntry(merge(ours, theirs));
    expect(ahead.updatedAt).toBe(NOW.toISOString());
    expect(ahead.updatedBy).toBe(BOB);
  });
});
