import type { EntryView } from '../../../../shared/domain/vault';

/**
 * The Vaults screen's filter chips: Favourites, and any number of tags. Tags combine with AND: an
 * entry is shown only when it carries every chosen tag, so each chip narrows the list further (as
 * the search box does), and "prod" + "eu" means the production keys for the EU.
 */
export interface EntryFilters {
  favorites: boolean;
  tags: readonly string[];
}

export const NO_FILTERS: EntryFilters = { favorites: false, tags: [] };

/** How many tag chips show before "+N more": about two lines beside the table at 1024 px. */
export const TAG_CHIP_LIMIT = 12;

export interface TagCount {
  tag: string;
  count: number;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Every tag used in the vault, sorted as the table sorts text, with how many of the vault's entries
 * carry it. Counts are the vault's, not the filtered list's, so a chip's number does not change as
 * other chips are pressed.
 */
export function countTags(entries: readonly EntryView[]): TagCount[] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    // A tag listed twice on one entry still counts that entry once.
    for (const tag of new Set(entry.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => collator.compare(a.tag, b.tag));
}

export const countFavorites = (entries: readonly EntryView[]): number =>
  entries.reduce((n, entry) => (entry.favorite ? n + 1 : n), 0);

/**
 * The filters that still apply: a chosen tag no entry carries any more (its last entry was deleted
 * or retagged) is dropped, since its chip is gone and nothing could switch it off.
 */
export function effectiveFilters(filters: EntryFilters, tags: readonly TagCount[]): EntryFilters {
  const used = new Set(tags.map((t) => t.tag));
  const kept = filters.tags.filter((tag) => used.has(tag));
  return kept.length === filters.tags.length ? filters : { ...filters, tags: kept };
}

export const hasFilters = (filters: EntryFilters): boolean => filters.favorites || filters.tags.length > 0;

/** Favourites only, if chosen; and every chosen tag (AND). Order is kept: sorting comes after. */
export function applyFilters(entries: readonly EntryView[], filters: EntryFilters): EntryView[] {
  if (!hasFilters(filters)) return [...entries];
  return entries.filter(
    (entry) => (!filters.favorites || entry.favorite) && filters.tags.every((tag) => entry.tags.includes(tag)),
  );
}

export function toggleTag(filters: EntryFilters, tag: string): EntryFilters {
  const tags = filters.tags.includes(tag) ? filters.tags.filter((t) => t !== tag) : [...filters.tags, tag];
  return { ...filters, tags };
}

/**
 * The tag chips to show: all of them when expanded or few enough; otherwise the first TAG_CHIP_LIMIT,
 * plus any chosen tag further down (a pressed chip never hides), and how many are left for "+N more".
 */
export function visibleTags(
  tags: readonly TagCount[],
  chosen: readonly string[],
  expanded: boolean,
  limit = TAG_CHIP_LIMIT,
): { shown: TagCount[]; hidden: number } {
  if (expanded || tags.length <= limit) return { shown: [...tags], hidden: 0 };
  const shown = tags.filter((t, index) => index < limit || chosen.includes(t.tag));
  return { shown, hidden: tags.length - shown.length };
}

const list = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** "Favourites, tag prod and tag eu": what the empty state says no entry matched (every one applies). */
export function describeFilters(filters: EntryFilters): string {
  const parts = [...(filters.favorites ? ['Favourites'] : []), ...filters.tags.map((tag) => `tag ${tag}`)];
  return list.format(parts);
}
