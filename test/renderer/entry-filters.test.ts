import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  applyFilters,
  countFavorites,
  countTags,
  describeFilters,
  effectiveFilters,
  hasFilters,
  NO_FILTERS,
  toggleTag,
  visibleTags,
} from '../../renderer/src/features/vaults/entry-filters';
import { entryViewSchema, type EntryView } from '../../shared/domain/vault';

const VAULT = randomUUID();
const NOW = '2026-12-04T12:00:00.000Z';

/** An entry as entries:list answers it (checked against its schema), with the parts filters read. */
function entry(name: string, tags: string[], favorite = false): EntryView {
  return entryViewSchema.parse({
    name,
    service: 'Pyas',
    preset: 'pyas',
    scheme: { kind: 'x-api-key' },
    baseUrl: null,
    allowedHosts: [],
    tags,
    notes: '',
    expiresAt: null,
    favorite,
    id: randomUUID(),
    vaultId: VAULT,
    kind: 'external',
    issuedKeyId: null,
    appName: null,
    scopes: [],
    createdAt: NOW,
    updatedAt: NOW,
    secretVersion: 1,
    history: [],
  });
}

const ENTRIES = [
  entry('pyas prod eu', ['prod', 'eu'], true),
  entry('pyas prod us', ['prod', 'us']),
  entry('atfinity staging', ['staging', 'eu'], true),
  entry('extracta prod', ['prod']),
  entry('untagged', []),
];
const names = (list: readonly EntryView[]) => list.map((e) => e.name);

describe('countTags', () => {
  it('lists each tag once, sorted as the table sorts text, with how many entries carry it', () => {
    const mixed = [...ENTRIES, entry('numbered', ['v10', 'v2', 'Ops']), entry('twice', ['ops', 'ops'])];
    expect(countTags(mixed)).toEqual([
      { tag: 'eu', count: 2 },
      // Case-insensitive order; the two spellings stay two tags (filters match tags exactly).
      { tag: 'Ops', count: 1 },
      { tag: 'ops', count: 1 }, // listed twice on one entry: that entry counts once
      { tag: 'prod', count: 3 },
      { tag: 'staging', count: 1 },
      { tag: 'us', count: 1 },
      { tag: 'v2', count: 1 },
      { tag: 'v10', count: 1 }, // numeric: v2 before v10
    ]);
    expect(countTags([])).toEqual([]);
  });

  it('counts the favourites', () => {
    expect(countFavorites(ENTRIES)).toBe(2);
    expect(countFavorites([])).toBe(0);
  });
});

describe('applyFilters', () => {
  it('keeps every entry, in order, when no filter is on', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(names(applyFilters(ENTRIES, NO_FILTERS))).toEqual(names(ENTRIES));
  });

  it('keeps only favourites', () => {
    expect(names(applyFilters(ENTRIES, { favorites: true, tags: [] }))).toEqual(['pyas prod eu', 'atfinity staging']);
  });

  it('keeps the entries with a chosen tag', () => {
    expect(names(applyFilters(ENTRIES, { favorites: false, tags: ['prod'] }))).toEqual([
      'pyas prod eu',
      'pyas prod us',
      'extracta prod',
    ]);
  });

  it('combines tags with AND: an entry needs every chosen tag', () => {
    expect(names(applyFilters(ENTRIES, { favorites: false, tags: ['prod', 'eu'] }))).toEqual(['pyas prod eu']);
    expect(applyFilters(ENTRIES, { favorites: false, tags: ['us', 'staging'] })).toEqual([]);
  });

  it('combines favourites and tags with AND too', () => {
    expect(names(applyFilters(ENTRIES, { favorites: true, tags: ['eu'] }))).toEqual([
      'pyas prod eu',
      'atfinity staging',
    ]);
    expect(applyFilters(ENTRIES, { favorites: true, tags: ['us'] })).toEqual([]);
  });

  it('matches tags exactly, not as text', () => {
    expect(applyFilters([entry('a', ['production'])], { favorites: false, tags: ['prod'] })).toEqual([]);
    expect(applyFilters([entry('a', ['Prod'])], { favorites: false, tags: ['prod'] })).toEqual([]);
  });
});

describe('toggleTag and effectiveFilters', () => {
  it('adds a tag, then removes it, leaving the favourites choice alone', () => {
    const one = toggleTag({ favorites: true, tags: [] }, 'prod');
    expect(one).toEqual({ favorites: true, tags: ['prod'] });
    expect(toggleTag(one, 'eu')).toEqual({ favorites: true, tags: ['prod', 'eu'] });
    expect(toggleTag(toggleTag(one, 'eu'), 'prod')).toEqual({ favorites: true, tags: ['eu'] });
  });

  it('drops a chosen tag no entry carries any more, and returns the same filters when nothing is dropped', () => {
    const tags = countTags(ENTRIES);
    const chosen = { favorites: false, tags: ['prod', 'gone'] };
    expect(effectiveFilters(chosen, tags)).toEqual({ favorites: false, tags: ['prod'] });
    const kept = { favorites: true, tags: ['eu'] };
    expect(effectiveFilters(kept, tags)).toBe(kept);
  });
});

describe('visibleTags', () => {
  const many = Array.from({ length: 15 }, (_, i) => ({ tag: `t${String(i).padStart(2, '0')}`, count: 1 }));

  it('shows every tag up to the limit', () => {
    expect(visibleTags(many.slice(0, 12), [], false)).toEqual({ shown: many.slice(0, 12), hidden: 0 });
  });

  it('shows the first ones past the limit and counts the rest; all of them when expanded', () => {
    expect(visibleTags(many, [], false)).toEqual({ shown: many.slice(0, 12), hidden: 3 });
    expect(visibleTags(many, [], true)).toEqual({ shown: many, hidden: 0 });
  });

  it('keeps a chosen tag from past the limit in view when collapsed', () => {
    const { shown, hidden } = visibleTags(many, ['t14'], false);
    expect(shown.map((t) => t.tag)).toEqual([...many.slice(0, 12).map((t) => t.tag), 't14']);
    expect(hidden).toBe(2);
  });
});

describe('describeFilters', () => {
  it('names every filter on, as the empty state says it', () => {
    expect(describeFilters({ favorites: true, tags: [] })).toBe('Favourites');
    expect(describeFilters({ favorites: false, tags: ['prod'] })).toBe('tag prod');
    expect(describeFilters({ favorites: true, tags: ['prod', 'eu'] })).toBe('Favourites, tag prod and tag eu');
  });
});
