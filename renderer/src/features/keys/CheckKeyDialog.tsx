import { useState, type FormEvent } from 'react';
import { VERIFY_SCHEMES, type VerifyScheme } from '../../../../shared/catalogs/header-schemes';
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

const schemeOf = (id: VerifyScheme) => VERIFY_SCHEMES.find((s) => s.id === id) ?? VERIFY_SCHEMES[0];

/** The header a client sends with this scheme, e.g. `Authorization: Bearer <key>`. */
export function expectedHeader(scheme: VerifyScheme): string {
  const s = schemeOf(scheme);
  return `${s.header}: ${s.valuePrefix}<key>`;
}

/**
 * "Check a key": paste a header value as a client would send it and see what Keyhaven's verification
 * answers. The value lives only in this dialog's state: closing the dialog clears it.
 */
export function CheckKeyDialog({ app, onClose }: { app: App; onClose: () => void }) {
  const [scheme, setScheme] = useState<VerifyScheme>('x-api-key');
  const [headerValue, setHeaderValue] = useState('');
  const [scope, setScope] = useState(ANY_SCOPE);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const loadKeys = useKeys((s) => s.load);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (checking) return;
    setChecking(true);
    setFailure(null);
    const answer = await client.keys.verify({
      headerValue,
      scheme,
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
    setHeaderValue('');
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
      <p className="muted">Paste a key the way a client sends it. Keyhaven checks it exactly as a server would.</p>
      <SelectField
        label="Header scheme"
        value={scheme}
        options={SCHEME_OPTIONS}
        onChange={(value) => {
          setScheme(value);
          setResult(null);
        }}
        hint={
          <>
            Expects <code>{expectedHeader(scheme)}</code>
          </>
        }
      />
      <TextField
        label="Header value"
        name="headerValue"
        type="password"
        value={headerValue}
        onChange={(event) => {
          setHeaderValue(event.target.value);
          setResult(null);
        }}
        hint={`What follows "${schemeOf(scheme).header}:", for example ${schemeOf(scheme).valuePrefix}${app.keyPrefix}_…`}
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
