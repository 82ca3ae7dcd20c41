import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { GeneratedKey } from '../../shared/domain/issued-key';
import { formatAbsolute } from '../../renderer/src/lib/time';
import { generate } from './support/keys';
import { openApp, renderApp } from './support/render-app';

const table = () => screen.getByRole('table', { name: 'API keys of Pyas' });
const rowNamed = (name: string) => {
  const row = within(table())
    .getAllByRole('row')
    .find((r) => r.querySelector('td')?.textContent === name);
  if (!row) throw new Error(`no row named ${name}`);
  return row;
};
const openKeyPage = async (user: Awaited<ReturnType<typeof renderApp>>['user'], name: string) => {
  await user.click(within(rowNamed(name)).getByRole('button', { name }));
  return screen.findByRole('heading', { level: 2, name });
};
/** The value beside `term` in the key's details. */
const detail = (term: string): HTMLElement => {
  const dt = screen.getAllByRole('term').find((t) => t.textContent === term);
  if (!dt?.nextElementSibling) throw new Error(`no detail ${term}`);
  return dt.nextElementSibling as HTMLElement;
};

/** Pyas with "Production" (verified three times), rotated into a new key, and another key "Other". */
async function seed(core: Core, into: { first?: GeneratedKey; other?: GeneratedKey }) {
  const app = await core.apps.create({ name: 'Pyas' });
  into.first = await generate(core, app.id, { scopes: ['read:items', 'read:users'] });
  for (let i = 0; i < 3; i += 1) await core.keys.verifyKey(into.first.plaintext);
  await core.usage.flush();
  into.other = await generate(core, app.id, { name: 'Other' });
  await core.lifecycle.rotate(into.first.key.id, '7d');
}

describe('A page per issued key', () => {
  it('opens from the key’s name with its details, usage, rotation chain and own activity; Escape goes back', async () => {
    const seeded: { first?: GeneratedKey; other?: GeneratedKey } = {};
    const { user } = await renderApp({ before: (core) => seed(core, seeded) });
    await openApp(user, 'Pyas');
    await screen.findByRole('table', { name: 'API keys of Pyas' });
    // The old key (rotated, still in its grace period) and its replacement are both named Production.
    const oldRow = within(table())
      .getAllByRole('row')
      .find((r) => r.querySelector('td:nth-child(2) > code')?.textContent === `pyas_${seeded.first!.key.keyId}…`)!;
    await user.click(within(oldRow).getByRole('button', { name: 'Production' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Production' });
    expect(heading).toHaveFocus();
    expect(screen.queryByRole('table', { name: 'API keys of Pyas' })).not.toBeInTheDocument();

    const old = seeded.first!.key;
    expect(detail('Key')).toHaveTextContent(`pyas_${old.keyId}… prefix pyas, key id ${old.keyId}`);
    expect(
      within(detail('Scopes'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['read:items', 'read:users']);
    expect(detail('Expires')).toHaveTextContent(`${formatAbsolute(old.expiresAt!)} (in 1 year)`);
    expect(detail('Created')).toHaveTextContent(formatAbsolute(old.createdAt));
    expect(detail('Last used')).toHaveTextContent(/just now\) · 3 uses in all$/);
    expect(detail('Note')).toHaveTextContent('No note');

    // Usage: a small chart with a text summary (3 uses today).
    expect(screen.getByRole('img', { name: 'Bar chart of verifications per day over the last 30 days' })).toBeVisible();
    expect(
      await screen.findByText(/^3 verifications in the last 30 days; most on .+ \(3\); used on 1 day\.$/),
    ).toBeVisible();

    // Its activity only: generated, rotated (and not the other key's generation).
    const activity = await screen.findByRole('table', { name: 'Activity of Production, newest first' });
    await waitFor(() => expect(within(activity).getAllByRole('row').length).toBeGreaterThan(1));
    expect(activity).toHaveTextContent('Key rotated');
    expect(activity).not.toHaveTextContent('"Other"');

    // The rotation chain links to the new key's page, which links back.
    expect(detail('Rotation')).toHaveTextContent(/^Replaced by Production pyas_\w{8} — keeps working until /);
    await user.click(within(detail('Rotation')).getByRole('button', { name: /^Production pyas_/ }));
    await waitFor(() => expect(detail('Rotation')).toHaveTextContent(`Replaces Production pyas_${old.keyId}`));
    expect(screen.getByRole('heading', { level: 2, name: 'Production' })).toHaveFocus();

    await user.keyboard('{Escape}');
    await screen.findByRole('table', { name: 'API keys of Pyas' });
    await waitFor(() => expect(document.activeElement?.closest('tr')).toHaveTextContent('Active'));
  });

  it('renames a key and notes it, checked as main checks it; Back returns to the table', async () => {
    const { user, core } = await renderApp({
      before: async (core) => {
        const app = await core.apps.create({ name: 'Pyas' });
        await generate(core, app.id);
      },
    });
    await openApp(user, 'Pyas');
    await screen.findByRole('table', { name: 'API keys of Pyas' });
    await openKeyPage(user, 'Production');

    await user.click(screen.getByRole('button', { name: 'Rename or note' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename or note API key' });
    const name = within(dialog).getByRole('textbox', { name: 'API key name' });
    await user.clear(name);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(name).toHaveAccessibleDescription('API key name is required.');
    await user.type(name, 'Billing worker');
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Runs on the cron box');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 2, name: 'Billing worker' })).toBeInTheDocument();
    expect(detail('Note')).toHaveTextContent('Runs on the cron box');
    const [record] = core.activity.list();
    expect(record).toMatchObject({ type: 'key.updated' });

    await user.click(screen.getByRole('button', { name: 'Back to API keys' }));
    expect(rowNamed('Billing worker')).toBeInTheDocument();
  });

  it('disables a key (Disabled in the page and the table, DISABLED when checked) and enables it again', async () => {
    const seeded: { key?: GeneratedKey } = {};
    const { user, core } = await renderApp({
      before: async (core) => {
        const app = await core.apps.create({ name: 'Pyas' });
        seeded.key = await generate(core, app.id);
      },
    });
    await openApp(user, 'Pyas');
    await screen.findByRole('table', { name: 'API keys of Pyas' });
    await openKeyPage(user, 'Production');

    await user.click(screen.getByRole('button', { name: 'Disable' }));
    await screen.findByText('Disabled: the key answers DISABLED until you enable it.');
    expect(screen.getByText('Disabled', { selector: '.status-badge' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rotate' })).not.toBeInTheDocument();
    expect((await core.keys.verifyKey(seeded.key!.plaintext)).code).toBe('DISABLED');

    await user.keyboard('{Escape}');
    await screen.findByRole('table', { name: 'API keys of Pyas' });
    expect(within(rowNamed('Production')).getByText('Disabled')).toHaveClass('status-badge');

    await openKeyPage(user, 'Production');
    await user.click(screen.getByRole('button', { name: 'Enable' }));
    await screen.findByText('Enabled: the key works again.');
    expect((await core.keys.verifyKey(seeded.key!.plaintext)).code).toBe('VALID');
    // The log itself (Activity lists this hour's verification above it).
    expect(
      core.db.activity
        .list()
        .map((r) => r.type)
        .slice(0, 2),
    ).toEqual(['key.enabled', 'key.disabled']);
  });
});

describe('Archiving and deleting an app (Settings)', () => {
  it('refuses to delete an app with a live key, archives it (keys revoked), then deletes it', async () => {
    const seeded: { key?: GeneratedKey } = {};
    const { user, core } = await renderApp({
      before: async (core) => {
        const app = await core.apps.create({ name: 'Pyas' });
        seeded.key = await generate(core, app.id);
      },
    });
    await openApp(user, 'Pyas');
    await user.click(screen.getByRole('tab', { name: 'Settings' }));

    await user.click(screen.getByRole('button', { name: 'Delete app' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete app' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete app' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'App "Pyas" still has 1 live key (active, disabled or in a rotation\'s grace period). Revoke it, or archive the app, before deleting it.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Archive app' }));
    dialog = screen.getByRole('dialog', { name: 'Archive app' });
    await user.click(within(dialog).getByRole('button', { name: 'Archive app' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Archived');
    expect((await core.keys.verifyKey(seeded.key!.plaintext)).code).toBe('REVOKED');
    await user.click(screen.getByRole('tab', { name: 'API Keys' }));
    expect(await screen.findByText('This app is archived')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Generate API key' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Delete app' }));
    dialog = screen.getByRole('dialog', { name: 'Delete app' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete app' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(core.apps.list()).toEqual([]);
    expect(within(screen.getByRole('main')).queryByText('Pyas')).not.toBeInTheDocument();
  });
});
