import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type ReactNode } from 'react';
import { FALLBACK_RECT, observeRectWithFallback } from '../../lib/virtual-rect';

/** Above this many lines the body is drawn in virtualised lines, so a large answer does not freeze the UI. */
export const VIRTUAL_LINES_FROM = 2_000;
const LINE_HEIGHT = 20;

/** Non-overlapping, case-insensitive matches of `query` in `text`. */
export function countMatches(text: string, query: string): number {
  if (query === '') return 0;
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** One line with its matches in <mark>: React text nodes only, never HTML. */
function highlight(line: string, query: string): ReactNode {
  if (query === '') return line;
  const lower = line.toLowerCase();
  const needle = query.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push(line.slice(from, at));
    parts.push(<mark key={at}>{line.slice(at, at + needle.length)}</mark>);
    from = at + needle.length;
  }
  if (from < line.length) parts.push(line.slice(from));
  return parts;
}

function VirtualLines({ lines, query, label }: { lines: string[]; query: string; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  // No React Compiler here; the virtualizer's functions are meant to be read during render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    initialRect: FALLBACK_RECT,
    getScrollElement: () => scroller.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
    observeElementRect: observeRectWithFallback,
  });
  return (
    <div ref={scroller} className="console-body-text console-body-text--virtual" tabIndex={0} aria-label={label}>
      <pre className="console-body-text__pre" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-line={item.index + 1}
            className="console-body-text__line"
            style={{ position: 'absolute', top: 0, left: 0, transform: `translateY(${item.start}px)` }}
          >
            {highlight(lines[item.index] ?? '', query)}
          </div>
        ))}
      </pre>
    </div>
  );
}

/** The response body as text in a <pre>; virtualised when it is long. */
export function BodyText({ text, query, label }: { text: string; query: string; label: string }) {
  const lines = useMemo(() => text.split('\n'), [text]);
  if (lines.length > VIRTUAL_LINES_FROM) return <VirtualLines lines={lines} query={query} label={label} />;
  return (
    <div className="console-body-text" tabIndex={0} aria-label={label}>
      <pre className="console-body-text__pre">
        {lines.map((line, index) => (
          <span key={index}>
            {highlight(line, query)}
            {index < lines.length - 1 ? '\n' : null}
          </span>
        ))}
      </pre>
    </div>
  );
}
