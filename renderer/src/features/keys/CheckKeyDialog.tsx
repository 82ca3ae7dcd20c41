import { useState, type FormEvent } from 'react';
import {
  readHeaderLine,
  VERIFY_SCHEMES,
  verifyHeaderLine,
  type VerifyScheme,
} from '../../../../shared/catalogs/header-schemes';
import type { App } from '../../../../shared/domain/app';
import type { VerifyResult } from '../../../../shared/domain/issued-key';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useKeys } from '../../stores/keys-store';
import { VerifyResultView } from './VerifyResultView';

const SCHEME_OPTIONS = VERIFY_SCHEMES.map((s) => ({ value: s.id, label: s.label }));
const ANY_SCOPE = '';

/**
 * "Check a key": paste the key, or the whole header line a client sends (`x-api-key: …`,
 * `Authorization: Api-Key …`, `Authorization: Bearer …`), and see what Keyhaven's verification answers.
 * A bare key goes with the scheme chosen (the app's, at first); a line names its own. The value lives
 * only in this dialog's state: closing the dialog clears it.
 */
export function CheckKeyDialog({ app, onClose }: { app: App; onClose: () => void }) {
  const [bareScheme, setBareScheme] = useState<VerifyScheme>(app.headerScheme);
  const [pasted, setPasted] = useState('');
  const [pastedError, setPastedError] = useState<string | undefined>(undefined);
  const [scope, setScope] = useState(ANY_SCOPE);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const loadKeys = useKeys((s) => s.load);

  const read = readHeaderLine(pasted, bareScheme);
  const namedByLine = read.ok && read.fromLine;
  const scheme = namedByLine ? read.scheme : bareScheme;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (checking) return;
    if (!read.ok) return setPastedError(read.message);
    setChecking(true);
    setFailure(null);
    const answer = await client.keys.verify({
      headerValue: read.headerValue,
      scheme: read.scheme,
      ...(scope === ANY_SCOPE ? {} : { requiredScope: scope }),
    });
    setChecking(false);
    if (isFailure(answer)) {
      setResult(null);
      setFailure(answer);
    } else {
      setResult(answer);
      // A check counts as a use: reload the key's app, so its row says "Last used just now" at once.
      if (answer.key) void loadKeys(answer.key.appId);
    }
  };

  const close = () => {
    setPasted('');
    onClose();
  };

  return (
    <Dialog
      title="Check a key"
      onClose={checking ? undefined : close}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={close} disabled={checking}>
            Close
          </Button>
          <Button type="submit" variant="primary" busy={checking}>
            {checking ? 'Checking…' : 'Check'}
          </Button>
        </>
      }
    >
      <p className="muted">
        Paste the key, or the whole header line a client sends. Keyhaven checks it exactly as a server would.
      </p>
      <TextField
        label="Key or header line"
        name="headerLine"
        type="password"
        value={pasted}
        error={pastedError}
        onChange={(event) => {
          setPasted(event.target.value);
          setPastedError(undefined);
          setResult(null);
        }}
        hint={
          <>
            For example <code>{verifyHeaderLine(app.headerScheme, `${app.keyPrefix}_…`)}</code>, or the key alone
          </>
        }
      />
      <SelectField
        label="Header scheme"
        value={scheme}
        options={SCHEME_OPTIONS}
        disabled={namedByLine}
        onChange={(value) => {
          setBareScheme(value);
          setResult(null);
        }}
        hint={
          namedByLine ? (
            <>
              From the line you pasted: <code>{verifyHeaderLine(scheme, '<key>')}</code>
            </>
          ) : (
            <>
              A key alone is sent as <code>{verifyHeaderLine(scheme, '<key>')}</code>
            </>
          )
        }
      />
      <SelectField
        label="Required scope"
        value={scope}
        options={[
          { value: ANY_SCOPE, label: 'None (any valid key)' },
          ...app.scopes.map((s) => ({ value: s.id, label: `${s.label} (${s.id})` })),
        ]}
        onChange={(value) => {
          setScope(value);
          setResult(null);
        }}
      />
      {failure ? (
        <Banner tone="danger" title="The key could not be checked">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <div role="status" className="check-key__result">
        {result ? <VerifyResultView result={result} /> : null}
      </div>
    </Dialog>
  );
}
