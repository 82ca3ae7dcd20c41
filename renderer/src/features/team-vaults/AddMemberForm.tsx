import { UserPlus } from 'lucide-react';
import { useId, useState } from 'react';
import { client, isFailure } from '../../api/client';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { useForm } from '../../lib/use-form';
import { useTeams } from '../../stores/team-store';

const FIELDS = ['line'] as const;
const check = (values: { line: string }) =>
  values.line.trim() === '' ? { line: 'Paste the member line your teammate sent you.' } : {};

/**
 * Add member: the line a teammate sent (checked strictly by main), and whether they only read. Not a
 * form of its own (it sits inside the Members dialog): Add member submits it. The dialog remounts it
 * after an addition, which empties it for the next one.
 */
export function AddMemberForm(props: { vaultId: string; onAdded: (text: string) => void; focusFirst: boolean }) {
  const { vaultId, onAdded } = props;
  const [busy, setBusy] = useState(false);
  const [readOnly, setReadOnly] = useState(false);
  const form = useForm(FIELDS, { line: '' }, check);
  const readOnlyId = useId();

  const add = async () => {
    if (busy || !form.validateForSubmit()) return;
    setBusy(true);
    const result = await client.teams.addMember({ vaultId, line: form.values.line.trim(), readOnly });
    setBusy(false);
    if (isFailure(result)) return form.setServerError('line', result.message);
    useTeams.getState().putStatus(result);
    const added = result.members.at(-1);
    onAdded(added ? `${added.name} was added${readOnly ? ' (read only)' : ''}.` : 'The member was added.');
  };

  return (
    <fieldset className="team-add-member">
      <legend className="section-title">Add member</legend>
      <TextField
        label="Their member line"
        hint="Compare the fingerprint with them (on a call) before adding: it is shown once added."
        multiline
        autoFocus={props.focusFirst}
        placeholder="keyhaven-member:v1 age1… Ada Lovelace"
        {...form.field('line')}
      />
      <div className="team-add-member__row">
        <label htmlFor={readOnlyId} className="team-add-member__check">
          <input id={readOnlyId} type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
          Read only
        </label>
        <Button icon={UserPlus} busy={busy} onClick={() => void add()}>
          {busy ? 'Adding…' : 'Add member'}
        </Button>
      </div>
    </fieldset>
  );
}
