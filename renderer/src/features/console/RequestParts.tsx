import { useState } from 'react';
import { MAX_BYTES_LIMIT, TIMEOUT_MAX_MS } from '../../../../shared/console/request';
import { Banner } from '../../components/Banner';
import { SelectField } from '../../components/SelectField';
import { Tabs } from '../../components/Tabs';
import { TextField } from '../../components/TextField';
import { useConsole } from '../../stores/console-store';
import { AuthEditor } from './AuthEditor';
import { NumberOption } from './NumberOption';
import { jsonProblem, type BodyKind } from './draft';
import { RowsEditor } from './RowsEditor';

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
  { value: 'multipart', label: 'Multipart form' },
  { value: 'raw', label: 'Raw' },
];

function BodyEditor() {
  const draft = useConsole((s) => s.draft);
  const editDraft = useConsole((s) => s.editDraft);
  const problem = draft.bodyKind === 'json' ? jsonProblem(draft.jsonText) : null;
  // A Content-Type row wins over the body's own type; under a multipart body that is worth a warning.
  const typedType = draft.headers.find((row) => row.enabled && row.name.trim().toLowerCase() === 'content-type');
  const otherType =
    draft.bodyKind === 'multipart' && typedType && !/^\s*multipart\/form-data\s*(;|$)/i.test(typedType.value)
      ? typedType.value.trim()
      : null;
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
      {draft.bodyKind === 'multipart' ? (
        <>
          <RowsEditor
            label="Parts"
            noun="part"
            withContentType
            rows={draft.parts}
            onChange={(parts) => editDraft({ parts })}
          />
          <p className="text-field__hint">
            Sent as multipart/form-data, with a boundary the console chooses. Leave a content type empty for plain text.
            Files cannot be attached.
          </p>
          {otherType !== null ? (
            <Banner tone="warning" role="status">
              <p>
                The Content-Type header “{otherType}” is sent instead of multipart/form-data, with the boundary added.
                Remove it under Headers unless the server expects it.
              </p>
            </Banner>
          ) : null}
        </>
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

/** The request's parts, beside its response: Params / Headers / Body / Auth, and the sending options. */
export function RequestParts() {
  const draft = useConsole((s) => s.draft);
  const loads = useConsole((s) => s.loads);
  const editDraft = useConsole((s) => s.editDraft);
  const [tab, setTab] = useState<EditorTab>('params');
  return (
    <section className="console-editor" aria-label="Request parts">
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
    </section>
  );
}

const MB = 1024 * 1024;
