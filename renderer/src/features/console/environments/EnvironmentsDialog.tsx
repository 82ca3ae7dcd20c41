import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { formatSecretReference } from '../../../../../shared/domain/secret-reference';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { TextField } from '../../../components/TextField';
import { useConsoleLibrary } from '../../../stores/console-library-store';
import { useConsoleEntries } from '../use-console-entries';
import { checkRows, rowsOf, variableRow, type VariableRow } from './environment-draft';

const NEW = 'new';

/**
 * Environments (issue 13): pick one to edit, or a new one; its variables are a name and a value,
 * plain text or a vault key's reference (chosen from the vaults, never typed as a key). Saving sends
 * names and references only; main checks them again.
 */
export function EnvironmentsDialog({ onClose }: { onClose: () => void }) {
  const view = useConsoleLibrary((s) => s.environments.value);
  const lib = useConsoleLibrary.getState;
  const entries = useConsoleEntries();
  const [editingId, setEditingId] = useState<string>(view.activeId ?? view.environments[0]?.id ?? NEW);
  const editing = view.environments.find((environment) => environment.id === editingId) ?? null;
  const [name, setName] = useState(editing?.name ?? '');
  const [rows, setRows] = useState<VariableRow[]>(() => [...rowsOf(editing), variableRow()]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const checked = checkRows(rows);
  // The vault keys by reference, so a row holding one shows which.
  const references = new Set(entries.map(({ entry, vault }) => formatSecretReference(vault.name, entry.name)));

  const edit = (id: string) => {
    const next = view.environments.find((environment) => environment.id === id) ?? null;
    setEditingId(id);
    setName(next?.name ?? '');
    setRows([...rowsOf(next), variableRow()]);
    setFailure(null);
    setSaved(null);
  };
  const setRow = (key: number, change: Partial<VariableRow>) =>
    setRows((now) => {
      const next = now.map((row) => (row.key === key ? { ...row, ...change } : row));
      const last = next[next.length - 1];
      return last && (last.name !== '' || last.value !== '') ? [...next, variableRow()] : next;
    });

  const save = async () => {
    if (checked.problems.size > 0) return setFailure('Fix the variables marked below first.');
    if (name.trim() === '') return setFailure('Give the environment a name.');
    setBusy(true);
    const result = editing
      ? await lib().updateEnvironment(editing.id, { name, variables: checked.variables })
      : await lib().createEnvironment(name, checked.variables);
    setBusy(false);
    setFailure(result?.message ?? null);
    if (!result) {
      setSaved(`Saved ${name.trim()}.`);
      if (!editing) {
        const made = useConsoleLibrary.getState().environments.value.environments.find((e) => e.name === name.trim());
        if (made) setEditingId(made.id);
      }
    }
  };
  const remove = async () => {
    if (!editing) return;
    const result = await lib().deleteEnvironment(editing.id);
    if (result) setFailure(result.message);
    else edit(useConsoleLibrary.getState().environments.value.environments[0]?.id ?? NEW);
  };

  return (
    <Dialog
      title="Environments"
      size="lg"
      onClose={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      footer={
        <>
          {editing ? (
            <Button variant="danger" icon={Trash2} onClick={() => void remove()}>
              Delete {editing.name}
            </Button>
          ) : null}
          <Button onClick={onClose}>Close</Button>
          <Button type="submit" variant="primary" busy={busy}>
            {editing ? 'Save' : 'Create'}
          </Button>
        </>
      }
    >
      <div className="console-env-dialog__pick" role="group" aria-label="Environment to edit">
        {view.environments.map((environment) => (
          <Button
            key={environment.id}
            size="sm"
            variant={environment.id === editingId ? 'primary' : 'secondary'}
            aria-pressed={environment.id === editingId}
            onClick={() => edit(environment.id)}
          >
            {environment.name}
          </Button>
        ))}
        <Button size="sm" icon={Plus} aria-pressed={editingId === NEW} onClick={() => edit(NEW)}>
          New environment
        </Button>
      </div>
      <TextField
        label="Name"
        name="environment-name"
        value={name}
        placeholder="Staging"
        onChange={(event) => setName(event.target.value)}
      />
      <p className="muted">
        Write <code>{'{{name}}'}</code> in a URL, header, parameter or body. A key stays in its vault: choose it under
        “Vault key”, and Keyhaven reads it when the request is sent.
      </p>
      <table className="table console-env-dialog__table">
        <caption className="visually-hidden">Variables</caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Value</th>
            <th scope="col">Vault key</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const problem = checked.problems.get(row.key);
            const problemId = `environment-variable-${row.key}-problem`;
            return (
              <tr key={row.key}>
                <td>
                  <input
                    className="text-field__input console__mono"
                    aria-label={`Variable ${index + 1} name`}
                    placeholder="apiKey"
                    value={row.name}
                    onChange={(event) => setRow(row.key, { name: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    className="text-field__input console__mono"
                    aria-label={`Variable ${index + 1} value`}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? problemId : undefined}
                    placeholder="https://api.example.com or kh://vault/entry"
                    value={row.value}
                    onChange={(event) => setRow(row.key, { value: event.target.value })}
                  />
                  {problem ? (
                    <span id={problemId} className="text-field__error">
                      {problem}
                    </span>
                  ) : null}
                </td>
                <td>
                  <select
                    className="text-field__input text-field__select"
                    aria-label={`Variable ${index + 1}: a key from a vault`}
                    value={references.has(row.value) ? row.value : ''}
                    onChange={(event) => setRow(row.key, { value: event.target.value })}
                  >
                    <option value="">Choose…</option>
                    {entries.map(({ entry, vault }) => (
                      <option key={entry.id} value={formatSecretReference(vault.name, entry.name)}>
                        {vault.name} · {entry.name}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {failure ? (
        <Banner tone="danger" title="The environment was not saved">
          <p>{failure}</p>
        </Banner>
      ) : null}
      {saved ? (
        <p role="status" className="muted">
          {saved}
        </p>
      ) : null}
    </Dialog>
  );
}
