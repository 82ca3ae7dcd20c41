import { Copy } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { type SnippetTarget } from '../../../../shared/console/request';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Tabs } from '../../components/Tabs';
import { client, isFailure } from '../../api/client';
import { useConsole } from '../../stores/console-store';
import { toRequest } from './draft';

import { INCLUDE_KEY_WARNING } from '../../../../shared/console/key-placement';

const TABS: { id: SnippetTarget; label: string }[] = [
  { id: 'curl', label: 'curl' },
  { id: 'fetch', label: 'fetch' },
  { id: 'python', label: 'Python' },
  { id: 'httpie', label: 'HTTPie' },
];

type SnippetState =
  { kind: 'loading' } | { kind: 'ready'; code: string; envVar: string | null } | { kind: 'error'; message: string };

/** Copies through the page: the Clipboard API when allowed, else the selected text with execCommand. */
async function copyText(area: HTMLTextAreaElement): Promise<boolean> {
  area.focus();
  area.select();
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(area.value);
      return true;
    }
  } catch {
    // No clipboard permission: fall back to copying the selection.
  }
  return typeof document.execCommand === 'function' && document.execCommand('copy');
}

/** curl / fetch / Python / HTTPie for the current request, made in main (which holds an entry's key). */
export function SnippetsPanel() {
  const draft = useConsole((s) => s.draft);
  const typedKey = useConsole((s) => s.typedKey);
  const [target, setTarget] = useState<SnippetTarget>('curl');
  const [includeKey, setIncludeKey] = useState(false);
  const [result, setResult] = useState<{ key: string; state: SnippetState } | null>(null);
  const [copied, setCopied] = useState<{ key: string; message: string } | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const request = toRequest(draft, typedKey);
  const noUrl = request.url === '';
  const requestJson = JSON.stringify(request);
  const requestKey = `${target}|${includeKey}|${requestJson}`;

  useEffect(() => {
    if (noUrl) return;
    let current = true;
    const key = `${target}|${includeKey}|${requestJson}`;
    void client.console
      .snippet({ request: JSON.parse(requestJson) as typeof request, target, includeKey })
      .then((answer) => {
        if (!current) return;
        setResult({
          key,
          state: isFailure(answer) ? { kind: 'error', message: answer.message } : { kind: 'ready', ...answer },
        });
      });
    return () => {
      current = false;
    };
  }, [requestJson, noUrl, target, includeKey]);

  const state: SnippetState = noUrl
    ? { kind: 'error', message: 'Enter a URL to see a snippet.' }
    : result?.key === requestKey
      ? result.state
      : { kind: 'loading' };
  const copiedMessage = copied?.key === requestKey ? copied.message : null;

  return (
    <section className="console-snippets" aria-label="Snippets">
      <Tabs label="Snippet language" idBase="console-snippet" tabs={TABS} selected={target} onSelect={setTarget}>
        <label className="console-snippets__include">
          <input type="checkbox" checked={includeKey} onChange={(event) => setIncludeKey(event.target.checked)} />
          Include the key
        </label>
        {includeKey ? (
          <Banner tone="warning" role="note">
            <p>{INCLUDE_KEY_WARNING}</p>
          </Banner>
        ) : null}
        {state.kind === 'error' ? <p className="muted">{state.message}</p> : null}
        {state.kind === 'loading' ? (
          <p role="status" className="muted">
            Preparing the snippet…
          </p>
        ) : null}
        {state.kind === 'ready' ? (
          <>
            {state.envVar ? (
              <p className="muted">
                Set <code>{state.envVar}</code> to the key before running it.
              </p>
            ) : null}
            <label className="visually-hidden" htmlFor="console-snippet-code">
              Snippet
            </label>
            <textarea
              id="console-snippet-code"
              ref={area}
              className="text-field__input console__mono console-snippets__code"
              readOnly
              rows={Math.min(16, state.code.split('\n').length + 1)}
              value={state.code}
            />
            <div className="console-snippets__actions">
              <Button
                icon={Copy}
                onClick={() => {
                  const el = area.current;
                  if (el)
                    void copyText(el).then((ok) =>
                      setCopied({
                        key: requestKey,
                        message: ok ? 'Copied.' : 'Could not copy: select the text and copy it yourself.',
                      }),
                    );
                }}
              >
                Copy snippet
              </Button>
              <span role="status" className="muted">
                {copiedMessage}
              </span>
            </div>
          </>
        ) : null}
      </Tabs>
    </section>
  );
}
