import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useForm } from '../../lib/use-form';
import { useTeams } from '../../stores/team-store';
import { useVaults } from '../../stores/vaults-store';
import { isTeamField, TEAM_FORM_FIELDS, teamFormErrors, type TeamFormValues } from './team-forms';

/**
 * Share with a team: the vault goes into a git repository (an empty one; a local path that does not
 * exist yet becomes a new bare repository). It runs git, so it takes seconds; "Sharing…" meanwhile.
 */
export function ShareTeamDialog({ vault, onClose }: { vault: VaultSummary; onClose: () => void }) {
  const identity = useTeams((s) => s.identity);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const asksName = identity === null;
  const check = useCallback(
    (values: TeamFormValues) => teamFormErrors(values, { vaultName: false, memberName: asksName }),
    [asksName],
  );
  const form = useForm(TEAM_FORM_FIELDS, { url: '', vaultName: '', memberName: '' }, check);

  useEffect(() => {
    void useTeams.getState().loadIdentity();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !form.validateForSubmit()) return;
    setBusy(true);
    setFailure(null);
    const { url, memberName } = form.values;
    const result = await client.teams.share({
      vaultId: vault.id,
      url: url.trim(),
      ...(asksName ? { memberName: memberName.trim() } : {}),
    });
    if (isFailure(result)) {
      setBusy(false);
      if (isTeamField(result.field)) form.setServerError(result.field, result.message);
      else setFailure(result);
      return;
    }
    useTeams.getState().putStatus(result);
    await Promise.all([useVaults.getState().load(), useTeams.getState().loadIdentity()]);
    onClose();
  };

  return (
    <Dialog
      title={`Share ${vault.name} with a team`}
      onClose={busy ? undefined : onClose}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? 'Sharing…' : 'Share'}
          </Button>
        </>
      }
    >
      <p className="muted">
        Entries are encrypted before they leave this computer: the git host sees nothing but how many there are and
        their sizes.
      </p>
      {failure ? (
        <Banner tone="danger" title="The vault was not shared">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <TextField
        label="Repository (path or URL)"
        hint="An empty git repository your team can reach; git's own SSH key or credential helper signs in."
        placeholder="git@github.com:team/keys.git"
        {...form.field('url')}
      />
      {asksName ? <TextField label="Your name (teammates see it)" {...form.field('memberName')} /> : null}
      <p role="status" className="muted">
        {busy ? `Sharing ${vault.name}: encrypting its entries and pushing them with git…` : ''}
      </p>
    </Dialog>
  );
}
