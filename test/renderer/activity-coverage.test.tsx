// Issue 14: vault keys used in the window and this hour's verifications, as the Activity screen shows them.
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { EVENT_LABELS } from '../../renderer/src/features/activity/activity-labels';
import { ACTIVITY_TYPES } from '../../shared/domain/activity';
import { generate } from './support/keys';
import { goTo, openApp, renderApp } from './support/render-app';
import { personal } from './support/vaults';

const SECRET = 'sk_live_activity_screen_0a1b2c3d4e5f';

/** An entry in "Personal" that the test then shows, copies, edits, exports, locks and unlocks through the core. */
async function useVaultKey(core: Core): Promise<void> {
  const vault = personal(core);
  const entry = await core.vaults.entries.addEntry({ vaultId: vault.id, name: 'Stripe live', secret: SECRET });
  const actions = core.vaultActions;
  await actions.reveal(entry.id);
  await actions.copy(entry.id, 'header');
  await actions.update({ entryId: entry.id, notes: 'Billing' });
  await actions.exportVault(vault.id, 'Activity export passphrase, long enough 42!');
  await actions.lock(vault.id);
  await actions.unlock(vault.id);
}

const activityRows = async () => {
  const table = await screen.findByRole('table', { name: 'Activity across all apps, newest first' });
  return within(table).getAllByRole('row').slice(1);
};

async function openActivity(user: UserEvent) {
  await goTo(user, 'Activity');
  return activityRows();
}

describe('Activity: vault keys', () => {
  it('labels every kind of record, the vault ones included, in the table and the filter', async () => {
    expect(Object.keys(EVENT_LABELS).sort()).toEqual([...ACTIVITY_TYPES].sort());
    expect(new Set(Object.values(EVENT_LABELS)).size).toBe(ACTIVITY_TYPES.length);
    const { user } = await renderApp({ before: useVaultKey });
    const rows = await openActivity(user);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^.*Vaults.*Vault unlocked.*Vault "Personal" unlocked—$/),
      expect.stringMatching(/Vaults.*Vault locked.*Vault "Personal" locked—$/),
      expect.stringMatching(/Vaults.*Vault exported.*Vault "Personal": its 1 key exported to an encrypted file—$/),
      expect.stringMatching(/Vaults.*Vault entry edited.*"Stripe live" settings edited \(notes\)—$/),
      expect.stringMatching(/Vaults.*Vault key copied.*key of "Stripe live" copied as a header line—$/),
      expect.stringMatching(/Vaults.*Vault key shown.*key of "Stripe live" shown—$/),
    ]);
    expect(document.body.textContent).not.toContain(SECRET);
    const filter = screen.getByLabelText('Event');
    for (const label of ['Vault key shown', 'Vault key copied', 'Vault key sent', 'Vault locked', 'Vault imported'])
      expect(within(filter).getByRole('option', { name: label })).toBeTruthy();
    await user.selectOptions(filter, 'Vault key copied');
    expect(await activityRows()).toHaveLength(1);
  });

  it('shows a key copied many times in a row as one row that says how often', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        const entry = await core.vaults.entries.addEntry({
          vaultId: personal(core).id,
          name: 'Stripe',
          secret: SECRET,
        });
        for (let i = 0; i < 25; i += 1) await core.vaultActions.copy(entry.id, 'value');
        await core.vaultActions.reveal(entry.id);
        for (let i = 0; i < 3; i += 1) await core.vaultActions.copy(entry.id, 'value');
      },
    });
    const rows = await openActivity(user);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/Vault key copied.*key of "Stripe" copied3 times, since .*—$/),
      expect.stringMatching(/Vault key shown.*key of "Stripe" shown—$/),
      expect.stringMatching(/Vault key copied.*key of "Stripe" copied25 times, since .*—$/),
    ]);
    // Every copy is a record of the log: the count says so.
    expect(screen.getByText('29 of 29 records')).toBeInTheDocument();
  });
});

describe('Activity: verifications of the current hour', () => {
  it('are listed at once as "this hour, so far", and the count grows with each verification', async () => {
    const seeded: { core?: Core; plaintext?: string; appId?: string } = {};
    const { user } = await renderApp({
      before: async (core) => {
        const app = await core.apps.create({ name: 'Pyas' });
        const key = await generate(core, app.id);
        await core.keys.verify(key.plaintext, 'x-api-key');
        Object.assign(seeded, { core, plaintext: key.plaintext, appId: app.id });
      },
    });
    let rows = await openActivity(user);
    expect(rows[0]).toHaveTextContent(
      /^This hour.*Key verified.*API key "Production" verified 1 time this hour so farSo far: sealed into the log as one record when the hour ends/,
    );
    // The count is of the log's records (app created, key generated); the hour so far is beside it.
    expect(screen.getByText('2 of 2 records, and 1 key verified this hour so far')).toBeInTheDocument();
    expect(within(rows[0]!).getByText(/^pyas_\w{8}$/)).toBeInTheDocument();

    // More verifications while the screen is open: once they are counted (a flush, at most once a
    // second) main says so (activity:counted) and the row grows where it is.
    for (let i = 0; i < 4; i += 1) await seeded.core!.keys.verify(seeded.plaintext!, 'x-api-key');
    await seeded.core!.usage.flush();
    await screen.findByText('API key "Production" verified 5 times this hour so far');
    rows = await activityRows();
    expect(rows[0]).toHaveTextContent('API key "Production" verified 5 times this hour so far');
    // The app's tab shows the same count.
    await goTo(user, 'Apps');
    await openApp(user, 'Pyas');
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    const panel = screen.getByRole('tabpanel', { name: 'Activity' });
    await waitFor(() =>
      expect(within(panel).getAllByRole('row')[1]).toHaveTextContent('verified 5 times this hour so far'),
    );
  });
});

describe('Activity: records made by another process', () => {
  it('are read again when main says the data changed (data:changed with keys)', async () => {
    const { user, core } = await renderApp({ before: async (core) => void (await core.apps.create({ name: 'Pyas' })) });
    expect(await openActivity(user)).toHaveLength(1);
    // What the command line's record looks like here once the store caught up: main then says so.
    await core.db.record([
      { type: 'entry.read', appId: null, summary: 'Vault "Personal": key of "Stripe" read by keyhaven run' },
    ]);
    core.events.emit('data:changed', { parts: ['keys'] });
    await screen.findByText('Vault "Personal": key of "Stripe" read by keyhaven run');
    expect(await activityRows()).toHaveLength(2);
  });
});
