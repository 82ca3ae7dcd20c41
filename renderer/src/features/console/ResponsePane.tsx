import { Send } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Banner } from '../../components/Banner';
import { EmptyState } from '../../components/EmptyState';
import { Spinner } from '../../components/Loading';
import { Tabs } from '../../components/Tabs';
import { useConsoleLibrary } from '../../stores/console-library-store';
import { isStale, useConsole } from '../../stores/console-store';
import { ResponseView } from './ResponseView';
import { SnippetsPanel } from './SnippetsPanel';

type PaneTab = 'response' | 'code';
const TABS = [
  { id: 'response', label: 'Response' },
  { id: 'code', label: 'Code' },
] as const;

/**
 * The right-hand pane (issue 13): the answer to the open request, or what is happening to it, and
 * its code snippets. After Send the pane is brought into view (on a narrow window it sits below the
 * request), and an answer is marked as old once the request is edited.
 */
export function ResponsePane() {
  const send = useConsole((s) => s.send);
  const environmentId = useConsoleLibrary((s) => s.environments.value.activeId);
  const stale = useConsole((s) => isStale(s, environmentId));
  // Code stays chosen until the next Send: a new answer (or a request under way) is shown at once.
  const [codeFor, setCodeFor] = useState<typeof send | null>(null);
  const tab: PaneTab = codeFor === send ? 'code' : 'response';
  const setTab = (next: PaneTab) => setCodeFor(next === 'code' ? send : null);
  const pane = useRef<HTMLElement>(null);

  useEffect(() => {
    if (send.phase === 'idle') return;
    pane.current?.scrollIntoView?.({ block: 'start' });
  }, [send.phase]);

  return (
    <section ref={pane} className="console-pane" aria-label="Response and code">
      <Tabs label="Response and code" idBase="console-pane" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'code' ? <SnippetsPanel /> : null}
        {tab === 'response' && send.phase === 'idle' ? (
          <EmptyState icon={Send} title="No response yet">
            <p>Send the request (Ctrl+Enter) to see its status, time, size, headers and body here.</p>
          </EmptyState>
        ) : null}
        {tab === 'response' && send.phase === 'sending' ? (
          <p role="status" className="console-pane__progress">
            <Spinner /> <span>Sending…</span> <span className="muted">Escape cancels.</span>
          </p>
        ) : null}
        {tab === 'response' && (send.phase === 'done' || send.phase === 'failed') && stale ? (
          <p role="status" className="console-pane__stale">
            Changed since it was sent (the request or its environment): this answered the previous version. Send again
            to update it.
          </p>
        ) : null}
        {tab === 'response' && send.phase === 'failed' ? (
          <Banner tone="danger" title="The request was not completed">
            <p>{send.failure.message}</p>
          </Banner>
        ) : null}
        {tab === 'response' && send.phase === 'done' ? <ResponseView response={send.response} /> : null}
      </Tabs>
    </section>
  );
}
