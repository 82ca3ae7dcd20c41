import { FileInput, FlaskConical, Keyboard, Save } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { isDirty, useConsole } from '../../stores/console-store';
import { useNavigation } from '../../stores/navigation-store';
import { entryChoice } from './AuthEditor';
import { CurlImportDialog } from './CurlImportDialog';
import { toRequest } from './draft';
import { EnvironmentBar } from './environments/EnvironmentBar';
import { RequestEditor } from './RequestEditor';
import { RequestParts } from './RequestParts';
import { RequestTabs } from './RequestTabs';
import { ResponsePane } from './ResponsePane';
import { SaveAsDialog } from './SaveAsDialog';
import { SavedForEntry } from './SavedForEntry';
import { ShortcutsHelp } from './ShortcutsHelp';
import { ConsoleSidebar } from './sidebar/ConsoleSidebar';
import { SplitView } from './SplitView';
import { useConsoleEntries, useLoadConsoleEntries } from './use-console-entries';
import './console.css';
import './console-layout.css';

/**
 * "Test this key": a fresh request (a new tab, unless the open one is still blank) whose
 * authentication is the route's entry, with its base URL — nothing of the request open before, its
 * URL, answer or error, carries over.
 */
function usePreselectEntry(entryId: string | null) {
  const entries = useConsoleEntries();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || entryId === null) return;
    const found = entries.find((e) => e.entry.id === entryId);
    if (!found) return;
    done.current = true;
    const open = useConsole.getState();
    const blank = open.draft.url.trim() === '' && open.send.phase === 'idle' && !isDirty(open) && open.saved === null;
    if (!blank) open.newTab();
    useConsole.getState().editDraft((draft) => entryChoice(found.entry, { ...draft, url: '' }));
  }, [entryId, entries]);
}

function TestApiTarget() {
  const testApi = useConsole((s) => s.testApi);
  const loadTestApi = useConsole((s) => s.loadTestApi);
  const editDraft = useConsole((s) => s.editDraft);
  const goToSettings = useNavigation((s) => s.goToSettings);
  useEffect(() => {
    void loadTestApi();
  }, [loadTestApi]);
  if (!testApi) return null;
  if (!testApi.running || !testApi.baseUrl)
    return (
      <Button variant="ghost" icon={FlaskConical} onClick={goToSettings} title="Start it in Settings → Local test API">
        Test API is off
      </Button>
    );
  const baseUrl = testApi.baseUrl;
  return (
    <Button icon={FlaskConical} onClick={() => editDraft({ method: 'GET', url: `${baseUrl}/v1/whoami` })}>
      Use the local test API
    </Button>
  );
}

/** A notice belongs to the request it was about: shown only while that tab shows that load of it. */
type Notice = ({ kind: 'saved'; text: string } | { kind: 'imported'; notes: string[] }) & { at: string };
const noticeAt = () => {
  const { id, loads } = useConsole.getState();
  return `${id}:${loads}`;
};

/**
 * The request console (issues 5, 13), laid out as an API client: collections and history in a
 * sidebar, the open requests as tabs, and each request beside its response.
 */
export function ConsoleScreen({ entryId }: { entryId: string | null }) {
  useLoadConsoleEntries();
  usePreselectEntry(entryId);
  const forgetTypedKeys = useConsole((s) => s.forgetTypedKeys);
  const shownAt = useConsole((s) => `${s.id}:${s.loads}`);
  const [dialog, setDialog] = useState<'curl' | 'save-as' | 'help' | null>(null);
  const [kept, setNotice] = useState<Notice | null>(null);
  const notice = kept?.at === shownAt ? kept : null;

  // Typed keys are forgotten when the console is left.
  useEffect(() => () => forgetTypedKeys(), [forgetTypedKeys]);

  const save = useCallback(async () => {
    const { saved, draft, typedKey, saveOpen } = useConsole.getState();
    if (!saved) return setDialog('save-as');
    const result = await saveOpen(toRequest(draft, typedKey));
    setNotice({
      kind: 'saved',
      text: isFailure(result) ? `Not saved: ${result.message}` : `Saved ${result.name}.`,
      at: noticeAt(),
    });
  }, []);
  const saveNow = useCallback(() => void save(), [save]);
  const saveAs = useCallback(() => setDialog('save-as'), []);
  const help = useCallback(() => setDialog('help'), []);

  return (
    <div className="console-layout">
      <ConsoleSidebar />
      <div className="console-main">
        <header className="console-header">
          {/* A workspace, as in any API client: the main navigation already says where this is. */}
          <h1 className="visually-hidden" tabIndex={-1}>
            Console
          </h1>
          <div className="console-header__actions">
            <TestApiTarget />
            <Button icon={FileInput} onClick={() => setDialog('curl')}>
              Import curl
            </Button>
            <Button icon={Save} onClick={saveNow} title="Save (Ctrl+S); Save as: Ctrl+Shift+S">
              Save
            </Button>
            <Button
              icon={Keyboard}
              variant="ghost"
              aria-label="Keyboard shortcuts"
              title="Keyboard shortcuts (?)"
              onClick={help}
            />
          </div>
        </header>
        <div className="console-tabs-row">
          <RequestTabs />
          <EnvironmentBar />
        </div>
        {notice?.kind === 'imported' ? (
          <Banner tone="info" role="status" title="Imported from curl">
            <ul>
              {notice.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </Banner>
        ) : null}
        {notice?.kind === 'saved' ? (
          <p role="status" className="muted console-main__notice">
            {notice.text}
          </p>
        ) : null}
        {entryId !== null ? <SavedForEntry entryId={entryId} /> : null}
        <RequestEditor onSave={saveNow} onSaveAs={saveAs} onHelp={help} />
        <SplitView first={<RequestParts />} second={<ResponsePane />} />
      </div>
      {dialog === 'curl' ? (
        <CurlImportDialog
          onClose={() => setDialog(null)}
          onImported={(notes) => {
            setDialog(null);
            setNotice(notes.length > 0 ? { kind: 'imported', notes, at: noticeAt() } : null);
          }}
        />
      ) : null}
      {dialog === 'save-as' ? (
        <SaveAsDialog
          onClose={() => setDialog(null)}
          onSaved={(text) => {
            setDialog(null);
            setNotice({ kind: 'saved', text, at: noticeAt() });
          }}
        />
      ) : null}
      {dialog === 'help' ? <ShortcutsHelp onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
