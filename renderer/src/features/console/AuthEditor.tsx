import {
  HEADER_SCHEME_KINDS,
  HEADER_SCHEME_LABELS,
  type HeaderSchemeKind,
} from '../../../../shared/catalogs/service-presets';
import { describePlacement } from '../../../../shared/console/key-placement';
import { parsePastedKey } from '../../../../shared/domain/pasted-key';
import type { EntryView } from '../../../../shared/domain/vault';
import { useState } from 'react';
import { Banner } from '../../components/Banner';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useConsole } from '../../stores/console-store';
import { EntryCombobox } from './EntryCombobox';
import { draftScheme, schemeFields, type AuthKind, type Draft } from './draft';
import { useConsoleEntries, type ConsoleEntry } from './use-console-entries';

export const LOCKED_ENTRY_HINT = 'Unlock the vault to send its key.';

const AUTH_OPTIONS: { value: AuthKind; label: string }[] = [
  { value: 'entry', label: 'Vault entry' },
  { value: 'typed', label: 'Type or paste a key' },
  { value: 'none', label: 'None' },
];

/** The editor's fields an entry chooses: its scheme, and its base URL when no URL is typed yet. */
export function entryChoice(entry: EntryView, draft: Draft): Partial<Draft> {
  return {
    authKind: 'entry',
    entryId: entry.id,
    ...schemeFields(entry.scheme),
    ...(draft.url.trim() === '' && entry.baseUrl ? { url: entry.baseUrl } : {}),
  };
}

/** "Header: Authorization: Bearer pyas_n58l…3kP9", or for an entry "… •••••••• (from the vault)". */
export function placementText(draft: Draft, typedKey: string): { line: string; warning: string | null } | null {
  if (draft.authKind === 'none') return null;
  const scheme = draftScheme(draft);
  if ((scheme.kind === 'header' || scheme.kind === 'query') && scheme.name === '') return null;
  const fromVault = draft.authKind === 'entry';
  const { placement, line, warning } = describePlacement(scheme, fromVault ? null : typedKey.trim());
  const where = placement.kind === 'header' ? 'Header' : 'Query parameter';
  return { line: `${where}: ${line}${fromVault ? ' (from the vault)' : ''}`, warning };
}

export function AuthEditor() {
  const draft = useConsole((s) => s.draft);
  const typedKey = useConsole((s) => s.typedKey);
  const editDraft = useConsole((s) => s.editDraft);
  const setTypedKey = useConsole((s) => s.setTypedKey);
  const entries = useConsoleEntries();
  const chosen: ConsoleEntry | undefined = entries.find((e) => e.entry.id === draft.entryId);
  const placement = placementText(draft, typedKey);
  const named = draft.schemeKind === 'header' || draft.schemeKind === 'query';
  const [split, setSplit] = useState('');

  // A whole header line or a curl -H pasted here is split, as Add key does: the scheme goes to Header
  // scheme, only the key stays in the field (never "x-api-key: Authorization: Bearer …").
  const onKeyChange = (value: string) => {
    const pasted = parsePastedKey(value);
    if (pasted.scheme === null) {
      setTypedKey(value);
      setSplit(''); // the notice is about the paste, not about what is typed after it
      return;
    }
    setTypedKey(pasted.key);
    editDraft(schemeFields(pasted.scheme));
    setSplit(
      `Split what was pasted: the header scheme is now ${HEADER_SCHEME_LABELS[pasted.scheme.kind]}, the field holds the key only.`,
    );
  };

  return (
    <div className="console-auth">
      <RadioGroup
        legend="Authentication"
        name="console-auth"
        value={draft.authKind}
        options={AUTH_OPTIONS}
        onChange={(authKind) => editDraft({ authKind })}
      />
      {draft.authKind === 'entry' ? (
        <EntryCombobox
          entries={entries}
          chosenId={draft.entryId}
          onChoose={(found) => editDraft((d) => entryChoice(found.entry, d))}
          hint={chosen?.vault.locked ? LOCKED_ENTRY_HINT : undefined}
        />
      ) : null}
      {draft.authKind === 'typed' ? (
        <TextField
          label="Key"
          name="console-key"
          type="password"
          value={typedKey}
          onChange={(event) => onKeyChange(event.target.value)}
          hint="Sent by Keyhaven, never stored in history or saved requests. A pasted header line or curl -H is split."
        />
      ) : null}
      {draft.authKind === 'typed' ? (
        <p role="status" className="console-auth__split">
          {split}
        </p>
      ) : null}
      {draft.authKind !== 'none' ? (
        <div className="console-auth__scheme">
          <SelectField<HeaderSchemeKind>
            label="Header scheme"
            value={draft.schemeKind}
            options={HEADER_SCHEME_KINDS.map((kind) => ({ value: kind, label: HEADER_SCHEME_LABELS[kind] }))}
            onChange={(schemeKind) => editDraft({ schemeKind })}
          />
          {named ? (
            <TextField
              label={draft.schemeKind === 'header' ? 'Header name' : 'Parameter name'}
              name="console-scheme-name"
              value={draft.schemeName}
              onChange={(event) => editDraft({ schemeName: event.target.value })}
            />
          ) : null}
        </div>
      ) : null}
      {placement ? (
        <p className="console-auth__placement" aria-label="Where the key will go">
          <span className="muted">The key goes in </span>
          <code>{placement.line}</code>
        </p>
      ) : null}
      {placement?.warning ? (
        <Banner tone="warning" role="note">
          <p>{placement.warning}</p>
        </Banner>
      ) : null}
    </div>
  );
}
