import { useVirtualizer } from '@tanstack/react-virtual';
import { Trash2 } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import type { HistorySummary } from '../../../../../shared/console/history';
import { isFailure } from '../../../api/client';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FALLBACK_RECT, observeRectWithFallback } from '../../../lib/virtual-rect';
import { useConsoleLibrary } from '../../../stores/console-library-store';
import { useConsole } from '../../../stores/console-store';
import { historyRows } from './history-days';

const ROW_HEIGHT = 44;
const DAY_HEIGHT = 28;

function outcomeText(item: HistorySummary): string {
  const o = item.outcome;
  return o.kind === 'response' ? `${o.status} · ${Math.round(o.timeMs)} ms` : 'Failed';
}

/**
 * History in the sidebar (issue 13): newest first, under a heading per day, filtered with the
 * collections. Virtualised: 10,000 requests draw as quickly as ten. A click fetches the request
 * (the list holds one line each) and opens it.
 */
export function HistoryList({ filter }: { filter: string }) {
  const history = useConsoleLibrary((s) => s.history);
  const historyItem = useConsoleLibrary((s) => s.historyItem);
  const deleteHistory = useConsoleLibrary((s) => s.deleteHistory);
  const clearHistory = useConsoleLibrary((s) => s.clearHistory);
  const loadRequest = useConsole((s) => s.loadRequest);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = useMemo(() => historyRows(history.value, new Date(), filter), [history.value, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.kind === 'day' ? DAY_HEIGHT : ROW_HEIGHT),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRectWithFallback,
  });

  const open = async (id: string) => {
    const item = await historyItem(id);
    if (isFailure(item)) setFailure(item.message);
    else {
      setFailure(null);
      loadRequest(item.request);
    }
  };

  return (
    <section className="console-sidebar__section console-sidebar__history" aria-labelledby="console-history-heading">
      <div className="console-sidebar__heading">
        <h2 id="console-history-heading">History</h2>
        {history.value.length > 0 ? (
          <Button size="sm" variant="ghost" icon={Trash2} onClick={() => setConfirming(true)}>
            Clear
          </Button>
        ) : null}
      </div>
      {history.error || failure ? (
        <Banner tone="danger" title="History could not be read">
          <p>{failure ?? history.error?.message}</p>
        </Banner>
      ) : null}
      {history.loaded && history.value.length === 0 ? (
        <p className="muted console-sidebar__empty">Requests you send appear here, without any key.</p>
      ) : null}
      {history.value.length > 0 && rows.length === 0 ? (
        <p className="muted console-sidebar__empty">No request in history matches.</p>
      ) : null}
      <div ref={scroller} className="console-sidebar__scroll" role="list" aria-label="Requests sent">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const row = rows[virtual.index];
            if (!row) return null;
            const style = {
              position: 'absolute' as const,
              top: 0,
              left: 0,
              right: 0,
              transform: `translateY(${virtual.start}px)`,
            };
            if (row.kind === 'day')
              return (
                <div key={row.key} role="listitem" className="console-history__day" style={style}>
                  {row.label}
                </div>
              );
            const { item } = row;
            const label = `${item.method} ${item.url}`;
            return (
              <div key={row.key} role="listitem" className="console-history__row" style={style}>
                <button
                  type="button"
                  className="console-history__open"
                  title={label}
                  onClick={() => void open(item.id)}
                >
                  <span className="console-method">{item.method}</span>{' '}
                  <span className="console-history__url">{item.url}</span>{' '}
                  <span className="console-history__outcome">{outcomeText(item)}</span>
                </button>
                <Button
                  size="sm"
                  variant="ghost"
                  icon={Trash2}
                  aria-label={`Delete ${label} from history`}
                  title="Delete from history"
                  onClick={() => void deleteHistory(item.id)}
                />
              </div>
            );
          })}
        </div>
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Clear history"
          confirmLabel="Clear history"
          busyLabel="Clearing…"
          tone="danger"
          failureTitle="History could not be cleared"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const result = await clearHistory();
            if (!result) setConfirming(false);
            return result;
          }}
        >
          <p>Remove all {history.value.length} requests from history? Saved requests stay.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
