import { Send, X } from 'lucide-react';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import {
  CONSOLE_METHODS,
  MAX_BYTES_LIMIT,
  TIMEOUT_MAX_MS,
  type ConsoleMethod,
} from '../../../../shared/console/request';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Spinner } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { Tabs } from '../../components/Tabs';
import { TextField } from '../../components/TextField';
import { useConsole } from '../../stores/console-store';
import { AuthEditor } from './AuthEditor';
import { NumberOption } from './NumberOption';
import { jsonProblem, toRequest, type BodyKind } from './draft';
import { RowsEditor } from './RowsEditor';
import { useRequestShortcuts } from './use-request-shortcuts';

type EditorTab = 'params' | 'headers' | 'body' | 'auth';
const TABS = [
  { id: 'params', label: 'Params' },
  { id: 'headers', label: 'Headers' },
  { id: 'body', label: 'Body' },
  { id: 'auth', label: 'Auth' },
] as const;

const BODY_KINDS: { value: BodyKind; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'json', label: 'JSON' },
  { value: 'form', label: 'Form' },
  { value: 'raw', label: 'Raw' },
];

function BodyEditor() {
  const draft = useConsole((s) => s.draft);
  const editDraft = useConsole((s) => s.editDraft);
  const problem = draft.bodyKind === 'json' ? jsonProblem(draft.jsonText) : null;
  return (
    <div className="console-body">
      <SelectField
        label="Body type"
        value={draft.bodyKind}
        options={BODY_KINDS}
        onChange={(bodyKind) => editDraft({ bodyKind })}
      />
      {draft.bodyKind === 'json' ? (
        <>
          <TextField
            label="JSON body"
            name="console-json"
            multiline
            className="console__mono"
            value={draft.jsonText}
            onChange={(event) => editDraft({ jsonText: event.target.value })}
          />
          {problem ? (
            <Banner tone="warning" role="status">
              <p>{problem}</p>
            </Banner>
          ) : null}
        </>
      ) : null}
      {draft.bodyKind === 'form' ? (
        <RowsEditor label="Form fields" noun="field" rows={draft.form} onChange={(form) => editDraft({ form })} />
      ) : null}
      {draft.bodyKind === 'raw' ? (
        <>
          <TextField
            label="Content type"
            name="console-content-type"
            value={draft.rawContentType}
            onChange={(event) => editDraft({ rawContentType: event.target.value })}
          />
          <TextField
            label="Raw body"
            name="console-raw"
            multiline
            className="console__mono"
            value={draft.rawText}
            onChange={(event) => editDraft({ rawText: event.target.value })}
          />
        </>
      ) : null}
    </div>
  );
}

/** Method, URL, Send/Cancel, and the tabs Params / Headers / Body / Auth. */
export function RequestEditor() {
  const draft = useConsole((s) => s.draft);
  const loads = useConsole((s) => s.loads);
  const editDraft = useConsole((s) => s.editDraft);
  const sendState = useConsole((s) => s.send);
  const sendRequest = useConsole((s) => s.sendRequest);
  const cancel = useConsole((s) => s.cancel);
  const [tab, setTab] = useState<EditorTab>('params');
  const sending = sendState.phase === 'sending';

  const sendNow = useCallback(() => {
    const { draft: now, typedKey } = useConsole.getState();
    void sendRequest(toRequest(now, typedKey));
  }, [sendRequest]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    sendNow();
  };
  const urlField = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const focusUrl = useCallback(() => {
    urlField.current?.focus();
    urlField.current?.select();
  }, []);
  const cancelNow = useCallback(() => void cancel(), [cancel]);
  const shortcuts = useRequestShortcuts({ sending, send: sendNow, cancel: cancelNow, focusUrl });

  return (
    <form
      className="console-editor"
      aria-label="Request"
      aria-keyshortcuts="Control+Enter Meta+Enter"
      noValidate
      onSubmit={submit}
      onKeyDown={shortcuts.onKeyDown}
    >
      <div className="console-editor__line">
        <SelectField<ConsoleMethod>
          label="Method"
          className="console-editor__method"
          value={draft.method}
          options={CONSOLE_METHODS.map((m) => ({ value: m, label: m }))}
          onChange={(method) => editDraft({ method })}
        />
        <TextField
          label="URL"
          name="console-url"
          className="console-editor__url"
          placeholder="https://api.example.com/v1/items"
          value={draft.url}
          onChange={(event) => editDraft({ url: event.target.value })}
          ref={(element) => {
            urlField.current = element;
          }}
        />
        <div className="console-editor__send">
          {sending ? (
            <Button icon={X} onClick={cancelNow} title="Cancel (Escape)">
              Cancel
            </Button>
          ) : (
            <Button type="submit" variant="primary" icon={Send} title="Send (Ctrl+Enter, ⌘↩ on a Mac)">
              Send
            </Button>
          )}
        </div>
      </div>
      {sending ? (
        <p role="status" className="console-editor__progress">
          <Spinner /> Sending…
        </p>
      ) : null}
      <Tabs label="Request parts" idBase="console-request" tabs={TABS} selected={tab} onSelect={setTab}>
        <div key={loads}>
          {tab === 'params' ? (
            <RowsEditor
              label="Params"
              noun="parameter"
              separator="="
              rows={draft.query}
              onChange={(query) => editDraft({ query })}
            />
          ) : null}
          {tab === 'headers' ? (
            <RowsEditor
              label="Headers"
              noun="header"
              separator=": "
              rows={draft.headers}
              onChange={(headers) => editDraft({ headers })}
            />
          ) : null}
          {tab === 'body' ? <BodyEditor /> : null}
          {tab === 'auth' ? <AuthEditor /> : null}
        </div>
      </Tabs>
      <div className="console-editor__options">
        <label className="console-editor__option">
          <input
            type="checkbox"
            checked={draft.allowSelfSignedLocalhost}
            onChange={(event) => editDraft({ allowSelfSignedLocalhost: event.target.checked })}
          />
          Accept a self-signed certificate (localhost only)
        </label>
        <NumberOption
          label="Timeout (s)"
          min={1}
          max={TIMEOUT_MAX_MS / 1000}
          value={Math.round(draft.timeoutMs / 1000)}
          onValid={(seconds) => editDraft({ timeoutMs: seconds * 1000 })}
        />
        <NumberOption
          label="Response cap (MB)"
          min={1}
          max={MAX_BYTES_LIMIT / MB}
          value={Math.max(1, Math.round(draft.maxBytes / MB))}
          onValid={(megabytes) => editDraft({ maxBytes: megabytes * MB })}
        />
      </div>
    </form>
  );
}

const MB = 1024 * 1024;
