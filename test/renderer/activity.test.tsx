import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { ManualClock } from '../support/manual-clock';
import { generate } from './support/keys';
import { goTo, openApp, renderApp } from './support/render-app';

const HOUR = 3_600_000;

describe('Activity', () => {
  it('shows an empty state before anything happened', async () => {
    const { user } = await renderApp();
    await goTo(user, 'Activity');
    expect(await screen.findByRole('region', { name: 'No activity yet' })).toHaveTextContent(
      'Creating apps and generating API keys are recorded here.',
    );
  });

  it('lists activity across all apps, newest first, with the app name and the key', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        const pyas = await core.apps.create({ name: 'Pyas' });
        await core.apps.create({ name: 'Cerby' });
        await generate(core, pyas.id);
      },
    });
    await goTo(user, 'Activity');
    const table = await screen.findByRole('table', { name: 'Activity across all apps, newest first' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Time', 'App', 'Event', 'Key']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/Pyas.*Key generated.*API key "Production" generated.*pyas_\w{8}$/),
      expect.stringMatching(/Cerby.*App created.*App "Cerby" created—$/),
      expect.stringMatching(/Pyas.*App created.*App "Pyas" created—$/),
    ]);
    expect(within(rows[0]!).getByText(/^pyas_\w{8}$/).tagName).toBe('CODE');
  });

  it('names the command line as the actor of what it did, and vault records under "Vaults"', async () => {
    const { user } = await renderApp({
      before: async (core, keychain) => {
        await core.apps.create({ name: 'Pyas' });
        // What `keyhaven` does: its own core on the same folder and keychain, recording as the command line.
        const cli = await openCore({ dataDir: core.dataDir, keychain, version: 'test', actor: 'cli', console: false });
        await cli.apps.create({ name: 'Terminal app' });
        await cli.db.commit(() => ({
          ops: [],
          result: null,
          activity: [
            { type: 'entry.read', appId: null, summary: 'Vault "Personal": key of "Stripe" read by keyhaven read' },
          ],
        }));
        await cli.close();
        await core.db.activity.list();
      },
    });
    await goTo(user, 'Activity');
    const table = await screen.findByRole('table', { name: 'Activity across all apps, newest first' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^.*Vaults.*Vault key read.*read by keyhaven read.*by the command line—$/),
      expect.stringMatching(/Terminal app.*App created.*by the command line—$/),
      expect.stringMatching(/Pyas.*App created.*App "Pyas" created—$/),
    ]);
  });

  it("shows only the app's own records in its Activity tab", async () => {
    const { user } = await renderApp({
      before: async (core) => {
        await core.apps.create({ name: 'Pyas' });
        await core.apps.create({ name: 'Cerby' });
      },
    });
    await openApp(user, 'Cerby');
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    const table = await within(screen.getByRole('tabpanel', { name: 'Activity' })).findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('App "Cerby" created');
  });

  it('says the log is intact, with the number of chained records, on the screen and in the app tab', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        const pyas = await core.apps.create({ name: 'Pyas' });
        await generate(core, pyas.id);
        await core.apps.create({ name: 'Cerby' });
      },
    });
    await goTo(user, 'Activity');
    expect(await screen.findByText('Activity log intact — 3 records, each chained to the one before')).toHaveAttribute(
      'role',
      'status',
    );
    await goTo(user, 'Apps');
    await openApp(user, 'Pyas');
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    const panel = screen.getByRole('tabpanel', { name: 'Activity' });
    expect(await within(panel).findByText(/^Activity log intact — 3 records/)).toBeInTheDocument();
  });

  it('raises an alert when a record was changed outside Keyhaven', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        await core.apps.create({ name: 'Pyas' });
        await core.apps.create({ name: 'Cerby' });
        const file = join(core.dataDir, 'activity.jsonl');
        const text = await readFile(file, 'utf8');
        await writeFile(file, text.replace('App \\"Pyas\\" created', 'App \\"Pyaz\\" created'));
      },
    });
    await goTo(user, 'Activity');
    const alert = await screen.findByRole('alert');
    // The title once, then the core's own words as the text.
    expect(alert).toHaveTextContent(
      /^The activity log was altered\s*Record 1 \(line 1\) does not match its hash\. The activity log was changed outside Keyhaven or damaged\.$/,
    );
    expect(alert.textContent?.match(/was altered/g)).toHaveLength(1);
    expect(screen.queryByText(/Activity log intact/)).not.toBeInTheDocument();
  });

  it('filters by event type and shows how often a key was verified in an hour', async () => {
    const clock = new ManualClock(new Date());
    const { user } = await renderApp({
      clock,
      before: async (core) => {
        const now = Date.now();
        const pyas = await core.apps.create({ name: 'Pyas' });
        clock.set(new Date(now - 2 * HOUR));
        const key = await generate(core, pyas.id);
        for (let i = 0; i < 12; i += 1) await core.keys.verify(key.plaintext, 'x-api-key');
        await core.usage.flush();
        clock.set(new Date(now)); // the hour is over: its 12 checks become one record
        await core.usage.flush();
      },
    });
    await goTo(user, 'Activity');
    const table = await screen.findByRole('table', { name: 'Activity across all apps, newest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);

    const filter = screen.getByLabelText('Event');
    // "All events" plus one option per activity type, "Saved in vault", the vault and keyset records included.
    expect(within(filter).getAllByRole('option')).toHaveLength(39); // 38 types since the team records (issue 15)
    expect(within(filter).getByRole('option', { name: 'Saved in vault' })).toBeTruthy();
    expect(within(filter).getByRole('option', { name: 'Vault key read' })).toBeTruthy();
    await user.selectOptions(filter, 'Key verified');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('API key "Production" verified 12 times in this hour');
    expect(within(rows[0]!).getByText(/^pyas_\w{8}$/)).toBeInTheDocument();
    expect(screen.getByText('1 of 3 records')).toBeInTheDocument();

    await user.selectOptions(filter, 'Key revoked');
    expect(screen.getByRole('region', { name: 'No matching activity' })).toBeInTheDocument();
    await user.selectOptions(filter, 'All events');
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4));
  });
});
