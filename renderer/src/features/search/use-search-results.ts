import { useEffect, useState } from 'react';
import type { SearchResults } from '../../../../shared/domain/search';
import { client, isFailure } from '../../api/client';

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching'; previous: SearchResults | null }
  | { kind: 'done'; answer: SearchResults }
  | { kind: 'failed'; message: string };
type Settled = Extract<SearchState, { kind: 'done' | 'failed' }>;

/** Waits this long after the last keystroke: one search per word typed, not per letter. */
const DEBOUNCE_MS = 90;

/**
 * The answer for `query`, searched in main (every vault, app and saved request, not only what this
 * window has loaded). An answer that arrives after the query changed is dropped, so the list never
 * shows results for text no longer typed.
 */
export function useSearchResults(query: string): SearchState {
  const trimmed = query.trim();
  const [settled, setSettled] = useState<{ query: string; state: Settled } | null>(null);
  useEffect(() => {
    if (trimmed === '') return;
    let current = true;
    const timer = setTimeout(() => {
      void client.search.everything({ query: trimmed }).then((result) => {
        if (!current) return;
        setSettled({
          query: trimmed,
          state: isFailure(result) ? { kind: 'failed', message: result.message } : { kind: 'done', answer: result },
        });
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed]);
  if (trimmed === '') return { kind: 'idle' };
  if (settled?.query === trimmed) return settled.state;
  // While the new answer is on its way the old list stays, so the results do not blink at each letter.
  return { kind: 'searching', previous: settled?.state.kind === 'done' ? settled.state.answer : null };
}
