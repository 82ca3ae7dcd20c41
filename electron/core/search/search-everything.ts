import { matchSorter, rankings, type KeyOption } from 'match-sorter';
import type { Folder } from '../../../shared/console/collections';
import type { AppSummary } from '../../../shared/domain/app';
import { SEARCH_RESULTS_PER_KIND, type SearchResult, type SearchResults } from '../../../shared/domain/search';
import type { Core } from '../core';
import { PartUnavailableError } from '../recovery/data-problem';

type Part = SearchResults['unavailable'][number];

/**
 * Ctrl/Cmd+K's search (issue 14): every app, issued key, vault entry and saved request whose names or
 * labels match, best first within each kind. match-sorter ranks (equal, starts with, word start,
 * contains, acronym); a query of several words keeps what matches every word, in any field, as its
 * README suggests. Only public fields are searched and returned: never a key, a note or a header value.
 * A data file that cannot be opened is named in `unavailable` rather than answering "nothing found".
 */
export function searchEverything(core: Core, query: string): SearchResults {
  const unavailable: Part[] = [];
  // Read once: the app summaries count each app's keys, and both apps and keys are searched.
  const appList = core.apps.list();
  const results: SearchResult[] = [
    ...best(apps(appList), query, ['name', 'keyPrefix']),
    ...best(keys(core, appList), query, ['name', 'label', 'appName']),
    ...best(
      orUnavailable('vaults', () => entries(core), unavailable),
      query,
      ['name', 'service', 'vaultName', { key: 'tags', threshold: rankings.WORD_STARTS_WITH }],
    ),
    ...best(
      orUnavailable('console', () => requests(core), unavailable),
      query,
      ['name', 'folder', { key: 'url', threshold: rankings.CONTAINS }, { key: 'method', threshold: rankings.EQUAL }],
    ),
  ];
  return { results, unavailable };
}

function best<T extends SearchResult>(items: T[], query: string, keys: KeyOption<T>[]): T[] {
  const words = query.split(/\s+/).filter((word) => word !== '');
  // Narrowing from the last word to the first leaves the first word's ranking in charge of the order.
  // Down to acronyms ("ghd" for "GitHub deploy"), not match-sorter's loosest "letters in order", which
  // made "ai" match most names.
  const found = words.reduceRight(
    (kept, word) => matchSorter(kept, word, { keys, threshold: rankings.ACRONYM }),
    items,
  );
  return found.slice(0, SEARCH_RESULTS_PER_KIND);
}

function orUnavailable<T>(part: Part, read: () => T[], unavailable: Part[]): T[] {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof PartUnavailableError)) throw error;
    unavailable.push(part);
    return [];
  }
}

function apps(appList: readonly AppSummary[]): SearchResult[] {
  return appList.map((app) => ({
    kind: 'app',
    appId: app.id,
    name: app.name,
    keyPrefix: app.keyPrefix,
    activeKeyCount: app.activeKeyCount,
  }));
}

function keys(core: Core, appList: readonly AppSummary[]): Extract<SearchResult, { kind: 'key' }>[] {
  return appList.flatMap((app) =>
    core.issuing.list(app.id).map((key) => ({
      kind: 'key' as const,
      appId: app.id,
      appName: app.name,
      id: key.id,
      name: key.name,
      label: `${key.keyPrefix}_${key.keyId}`,
      status: key.status,
    })),
  );
}

function entries(core: Core): Extract<SearchResult, { kind: 'entry' }>[] {
  const { vaults, entries: entryService } = core.vaults;
  return vaults.listVaults().flatMap((vault) =>
    entryService.listEntries(vault.id).map((entry) => ({
      kind: 'entry' as const,
      vaultId: vault.id,
      vaultName: vault.name,
      entryId: entry.id,
      name: entry.name,
      service: entry.service,
      tags: entry.tags,
      locked: vault.locked,
    })),
  );
}

function requests(core: Core): Extract<SearchResult, { kind: 'request' }>[] {
  const { folders, saved } = core.console.collections.view();
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  return saved.map((request) => ({
    kind: 'request' as const,
    savedId: request.id,
    name: request.name,
    method: request.request.method,
    url: request.request.url,
    folder: folderPath(request.folderId, byId),
  }));
}

function folderPath(id: string, byId: ReadonlyMap<string, Folder>): string {
  const names: string[] = [];
  for (
    let folder = byId.get(id);
    folder && names.length < 32;
    folder = folder.parentId ? byId.get(folder.parentId) : undefined
  ) {
    names.unshift(folder.name);
  }
  return names.join(' / ');
}
