import { FileInput, FlaskConical, Save } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { isFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { Tabs } from '../../components/Tabs';
import { useConsole } from '../../stores/console-store';
import { entryChoice } from './AuthEditor';
import { CurlImportDialog } from './CurlImportDialog';
import { toRequest } from './draft';
import { HistoryPanel } from './HistoryPanel';
import { RequestEditor } from './RequestEditor';
import { ResponseView } from './ResponseView';
import { SavedForEntry } from './SavedForEntry';
import { NameDialog, SavedPanel } from './SavedPanel';
import { SnippetsPanel } from './SnippetsPanel';
import { useConsoleEntries, useLoadConsoleEntries } from './use-console-entries';
import './console.css';

type SideTab = 'snippets' | 'history' | 'saved';
const SIDE_TABS = [
  { id: 'snippets', label: 'Snippets' },
  { id: 'history', label: 'History' },
  { id: 'saved', label: 'Saved requests' },
] as const;

/** "Test this key": the route's entry becomes the request's authentication, with its base URL. */
function usePreselectEntry(entryId: string | null) {
  const entries = useConsoleEntries();
  const editDraft = useConsole((s) => s.editDraft);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || entryId === null) return;
    const found = entries.find((e) => e.entry.id === entryId);
    if (!found) return;
    done.current = true;
    editDraft((draft) => entryChoice(found.entry, { ...draft, url: found.entry.baseUrl ? '' : draft.url }));
  }, [entryId, entries, editDraft]);
}

function TestApiTarget() {
  const testApi = useConsole((s) => s.testApi);
  const loadTestApi = useConsole((s) => s.loadTestApi);
  const editDraft = useConsole((s) => s.editDraft);
  useEffect(() => {
    void loadTestApi();
  }, [loadTestApi]);
  if (!testApi) return null;
  if (!testApi.running || !testApi.baseUrl)
    return <p className="muted console__hint">Local test API: start it in Settings → Local test API.</p>;
  const baseUrl = testApi.baseUrl;
  return (
    <Button icon={FlaskConical} onClick={() => editDraft({ method: 'GET', url: `${baseUrl}/v1/whoami` })}>
      Use the local test API
    </Button>
  );
}

/** The request console (issue 5): edit a request, send it through main, read the answer. */
export function ConsoleScreen({ entryId }: { entryId: string | null }) {
  useLoadConsoleEntries();
  usePreselectEntry(entryId);
  const sendState = useConsole((s) => s.send);
  const save = useConsole((s) => s.save);
  const setTypedKey = useConsole((s) => s.setTypedKey);
  const [dialog, setDialog] = useState<'curl' | 'save' | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const [side, setSide] = useState<SideTab>('snippets');

  // A typed key is forgotten when the console is left.
  useEffect(() => () => setTypedKey(''), [setTypedKey]);

  return (
    <div className="console">
      <PageHeader
        title="Console"
        description="Send a request with a key from a vault or one you paste. Keyhaven sends it; vault keys never leave it."
        actions={
          <>
            <TestApiTarget />
            <Button icon={FileInput} onClick={() => setDialog('curl')}>
              Import curl
            </Button>
            <Button icon={Save} onClick={() => setDialog('save')}>
              Save
            </Button>
          </>
        }
      />
      {notes.length > 0 ? (
        <Banner tone="info" role="status" title="Imported from curl">
          <ul>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      {savedMessage ? (
        <p role="status" className="muted">
          {savedMessage}
        </p>
      ) : null}
      {entryId !== null ? <SavedForEntry entryId={entryId} /> : null}
      <RequestEditor />
      {sendState.phase === 'failed' ? (
        <Banner tone="danger" title="The request was not completed">
          <p>{sendState.failure.message}</p>
        </Banner>
      ) : null}
      {sendState.phase === 'done' ? <ResponseView response={sendState.response} /> : null}
      <Tabs label="Console tools" idBase="console-side" tabs={SIDE_TABS} selected={side} onSelect={setSide}>
        {side === 'snippets' ? <SnippetsPanel /> : null}
        {side === 'history' ? <HistoryPanel /> : null}
        {side === 'saved' ? <SavedPanel /> : null}
      </Tabs>
      {dialog === 'curl' ? (
        <CurlImportDialog
          onClose={() => setDialog(null)}
          onImported={(imported) => {
            setNotes(imported);
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === 'save' ? (
        <NameDialog
          title="Save request"
          submitLabel="Save"
          onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            const { draft, typedKey } = useConsole.getState();
            const result = await save(name, toRequest(draft, typedKey));
            if (isFailure(result)) return result;
            setSavedMessage(`Saved as ${result.name} in ${result.group}.`);
            setDialog(null);
            return null;
          }}
        />
      ) : null}
    </div>
  );
}
