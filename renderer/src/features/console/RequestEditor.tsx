import { Send, X } from 'lucide-react';
import { useCallback, useRef, type FormEvent } from 'react';
import { CONSOLE_METHODS, type ConsoleMethod } from '../../../../shared/console/request';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useConsole } from '../../stores/console-store';
import { toRequest } from './draft';
import { UnresolvedVariables } from './UnresolvedVariables';
import { useRequestShortcuts } from './use-request-shortcuts';

/**
 * The request line, across the top as in any API client: method, URL, Send/Cancel, and the
 * request's variables. It also holds the console's shortcuts (use-request-shortcuts.ts).
 */
export function RequestEditor(props: { onSave: () => void; onSaveAs: () => void; onHelp: () => void }) {
  const draft = useConsole((s) => s.draft);
  const editDraft = useConsole((s) => s.editDraft);
  const sendState = useConsole((s) => s.send);
  const sendRequest = useConsole((s) => s.sendRequest);
  const cancel = useConsole((s) => s.cancel);
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
  useRequestShortcuts({
    sending,
    send: sendNow,
    cancel: cancelNow,
    focusUrl,
    save: props.onSave,
    saveAs: props.onSaveAs,
    help: props.onHelp,
  });

  return (
    <form
      className="console-line"
      aria-label="Request"
      aria-keyshortcuts="Control+Enter Meta+Enter"
      noValidate
      onSubmit={submit}
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
      <UnresolvedVariables />
    </form>
  );
}
