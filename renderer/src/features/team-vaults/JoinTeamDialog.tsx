import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useForm } from '../../lib/use-form';
import { useTeams } from '../../stores/team-store';
import { useVaults } from '../../stores/vaults-store';
import { MemberLine } from './MemberLine';
import { isTeamField, TEAM_FORM_FIELDS, teamFormErrors, type TeamFormValues } from './team-forms';

/**
 * Join a team vault: a member must have added your member line first (shown here, with Copy). Joining
 * clones the repository, checks its member list and makes a new local vault with the team's entries.
 */
export function JoinTeamDialog({ onClose, onJoined }: { onClose: () => void; onJoined: (vaultId: string) => void }) {
  const identity = useTeams((s) => s.identity);
  const [busy, setBusy] = useState<'join' | 'line' | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const asksName = identity === null;
  const check = useCallback(
    (values: TeamFormValues) => teamFormErrors(values, { vaultName: true, memberName: asksName }),
    [asksName],
  );
  const form = useForm(TEAM_FORM_FIELDS, { url: '', vaultName: 'Team vault', memberName: '' }, check);

  useEffect(() => {
    void useTeams.getState().loadIdentity();
  }, []);

  const makeLine = async () => {
    const name = form.values.memberName.trim();
    if (name === '') return form.setServerError('memberName', 'Enter the name your teammates will see.');
    setBusy('line');
    const result = await useTeams.getState().createIdentity(name);
    setBusy(null);
    if (isFailure(result)) form.setServerError('memberName', result.message);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !form.validateForSubmit()) return;
    setBusy('join');
    setFailure(null);
    const { url, vaultName, memberName } = form.values;
    const result = await client.teams.join({
      url: url.trim(),
      vaultName: vaultName.trim(),
      ...(asksName ? { memberName: memberName.trim() } : {}),
    });
    // A first join makes the identity even when it then fails: its member line is shown from now on.
    await useTeams.getState().loadIdentity();
    if (isFailure(result)) {
      setBusy(null);
      if (isTeamField(result.field)) form.setServerError(result.field, result.message);
      else setFailure(result);
      return;
    }
    useTeams.getState().putStatus(result);
    await useVaults.getState().load();
    onJoined(result.vaultId);
  };

  return (
    <Dialog
      title="Join a team vault"
      size="lg"
      onClose={busy ? undefined : onClose}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={onClose} disabled={busy !== null}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy === 'join'} disabled={busy === 'line'}>
            {busy === 'join' ? 'Joining…' : 'Join'}
          </Button>
        </>
      }
    >
      <p>Send this line to a member of the team; once they add you, join here.</p>
      {identity ? (
        <MemberLine identity={identity} />
      ) : identity === null ? (
        <div className="team-join__name">
          <TextField label="Your name (teammates see it)" {...form.field('memberName')} />
          <Button busy={busy === 'line'} disabled={busy === 'join'} onClick={() => void makeLine()}>
            {busy === 'line' ? 'Making your line…' : 'Show my member line'}
          </Button>
        </div>
      ) : null}
      {failure ? (
        <Banner tone="danger" title={failure.code === 'NOT_FOUND' ? 'You have not been added yet' : 'You did not join'}>
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <TextField label="Repository (path or URL)" placeholder="git@github.com:team/keys.git" {...form.field('url')} />
      <TextField label="Vault name" hint="The name this vault has on this computer." {...form.field('vaultName')} />
      <p role="status" className="muted">
        {busy === 'join' ? 'Joining: fetching the team’s repository and checking its member list…' : ''}
      </p>
    </Dialog>
  );
}
