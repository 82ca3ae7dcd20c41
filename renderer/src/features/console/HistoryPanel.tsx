import { History, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { HistoryItem } from '../../../../shared/console/history';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { ListEntry } from './ListEntry';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { RelativeTime } from '../../components/RelativeTime';
import { useConsole } from '../../stores/console-store';

function outcomeText(item: HistoryItem): string {
  const o = item.outcome;
  return o.kind === 'response' ? `${o.status} ${o.statusText} · ${Math.round(o.timeMs)} ms` : o.message;
}

/** The last 500 requests, newest first; a click re-opens one in the editor. */
export function HistoryPanel() {
  const history = useConsole((s) => s.history);
  const loadHistory = useConsole((s) => s.loadHistory);
  const loadRequest = useConsole((s) => s.loadRequest);
  const deleteHistory = useConsole((s) => s.deleteHistory);
  const clearHistory = useConsole((s) => s.clearHistory);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  return (
    <section className="console-list" aria-label="History">
      {history.error ? (
        <Banner tone="danger" title="History could not be read">
          <p>{history.error.message}</p>
        </Banner>
      ) : null}
      {history.loaded && history.items.length === 0 ? (
        <EmptyState icon={History} title="No requests yet">
          <p>Requests you send appear here, without any key.</p>
        </EmptyState>
      ) : null}
      {history.items.length > 0 ? (
        <>
          <div className="console-list__actions">
            <Button size="sm" variant="danger" icon={Trash2} onClick={() => setConfirming(true)}>
              Clear history
            </Button>
          </div>
          <ul className="console-list__items" aria-label="Requests sent">
            {history.items.map((item) => (
              <ListEntry
                key={item.id}
                label={
                  <>
                    <span className="console-list__method">{item.request.method}</span>{' '}
                    <span className="console-list__url">{item.request.url}</span>
                  </>
                }
                meta={
                  <>
                    {outcomeText(item)} · <RelativeTime iso={item.at} />
                  </>
                }
                onOpen={() => loadRequest(item.request)}
              >
                <Button
                  size="sm"
                  variant="ghost"
                  icon={Trash2}
                  aria-label={`Delete ${item.request.method} ${item.request.url} from history`}
                  title="Delete"
                  onClick={() => void deleteHistory(item.id)}
                />
              </ListEntry>
            ))}
          </ul>
        </>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title="Clear history"
          confirmLabel="Clear history"
          busyLabel="Clearing…"
          tone="danger"
          failureTitle="History could not be cleared"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const failure = await clearHistory();
            if (!failure) setConfirming(false);
            return failure;
          }}
        >
          <p>Remove all {history.items.length} requests from history? Saved requests stay.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
