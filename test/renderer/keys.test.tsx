import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { useActivity } from '../../renderer/src/stores/activity-store';
import { useApps } from '../../renderer/src/stores/apps-store';
import { useKeys } from '../../renderer/src/stores/keys-store';
import { useNavigation } from '../../renderer/src/stores/navigation-store';
import { useStatus } from '../../renderer/src/stores/status-store';
import { gate, goTo, renderApp } from './support/render-app';
import { finishStoring, generateThroughUi, openWizard, scopeBox } from './support/wizard';

const WARNING =
  'This is the only time you can view and copy this API key. Store it in a safe place — Keyhaven keeps only a hash of it.';

const withApp = {
  before: async (core: Core) => {
    await core.apps.create({ name: 'Pyas' });
  },
};

const keyValue = () => screen.getByTestId('api-key-value');
const keysOf = (core: Core) => core.keys.list(core.apps.list()[0]!.id);
const stepOf = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('list', { name: 'Steps' })).getByRole('listitem', { current: 'step' });

describe('The generation wizard', () => {
  it('goes name and expiration → Select scopes → Store your API key, with a step indicator', async () => {
    const { user, core } = await renderApp(withApp);
    const dialog = await openWizard(user);
    expect(stepOf(dialog)).toHaveTextContent('Name and expiration');
    const name = within(dialog).getByLabelText('API key name');
    expect(name).toHaveFocus();
    const expiration = within(dialog).getByLabelText('Expiration time');
    expect(
      within(expiration)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1 hour', '12 hours', '1 day', '5 days', '1 year', 'Custom', 'Never']);
    expect(expiration).toHaveDisplayValue('1 year');

    await user.type(name, 'Production');
    await user.keyboard('{Enter}'); // Enter is Next
    const heading = await within(dialog).findByRole('heading', { name: 'Select scopes' });
    expect(heading).toHaveFocus();
    expect(stepOf(dialog)).toHaveTextContent('Select scopes');
    const boxes = within(dialog).getAllByRole('checkbox');
    expect(boxes).toHaveLength(10); // "This key needs no scopes" and the nine Cerby scopes
    expect(boxes[2]).toHaveAccessibleName('Read items read:items');
    expect(boxes[2]).toHaveAccessibleDescription('Enables reading account, secret, and collection data.');
    expect(within(dialog).getByText('read:items').tagName).toBe('CODE');

    await user.click(scopeBox(dialog, 'Read items'));
    await user.click(scopeBox(dialog, 'Write integrations'));
    expect(within(dialog).getByText('2 of 9 selected')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Generate API key' }));
    expect(await within(dialog).findByRole('heading', { name: 'Store your API key' })).toBeInTheDocument();
    expect(stepOf(dialog)).toHaveTextContent('Store your API key');

    const [key] = keysOf(core);
    expect(key).toMatchObject({
      name: 'Production',
      scopes: ['read:items', 'write:integrations'],
      expiration: { kind: 'preset', preset: '1y' },
      status: 'active',
    });
    const year = Date.parse(key!.expiresAt!) - Date.parse(key!.createdAt);
    expect(year).toBeGreaterThanOrEqual(365 * 24 * 3_600_000);
  });

  it('shows the key once, masked; Show and Copy are recorded; Done waits for "I have stored the key"', async () => {
    const { user, core, platform, writeText } = await renderApp(withApp);
    const dialog = await generateThroughUi(user, { name: 'Production' });
    const heading = within(dialog).getByRole('heading', { name: 'Store your API key' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(within(dialog).getByRole('note')).toHaveTextContent(WARNING);
    // One vault (the default "Personal"): Save in vault, without "Select vault".
    const vaultSlot = dialog.querySelector<HTMLElement>('[data-slot="vault"]')!;
    expect(await within(vaultSlot).findByRole('button', { name: 'Save in vault' })).toBeEnabled();
    expect(within(vaultSlot).queryByLabelText('Select vault')).not.toBeInTheDocument();

    // Masked by default: prefix and key id readable, the secret nowhere in the document.
    const [stored] = keysOf(core);
    const publicPart = `pyas_${stored!.keyId}`;
    // The secret as a fixed row of dots, whatever its length: the key stays on one line.
    expect(keyValue()).toHaveTextContent(new RegExp(`^${publicPart}\\.•{12} \\(secret part hidden`));
    expect(keyValue()).toHaveClass('key-box__value--masked');

    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    const plaintext = keyValue().textContent ?? '';
    expect(plaintext.startsWith(`${publicPart}.`)).toBe(true);
    expect(plaintext).toHaveLength(publicPart.length + 1 + 38);
    expect((await core.keys.verify(plaintext, 'x-api-key')).code).toBe('VALID');
    expect(within(dialog).getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(dialog).getByRole('button', { name: 'Hide' }));
    expect(document.body.textContent).not.toContain(plaintext);

    // Copy happens in main (which clears the clipboard later); the page never writes the key itself.
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(platform.text).toBe(plaintext);
    expect(writeText).not.toHaveBeenCalled();
    expect(within(dialog).getByText('Copied. The clipboard will be cleared in 30 s.')).toBeInTheDocument();
    await waitFor(() =>
      expect(core.activity.list({ issuedKeyId: stored!.id }).map((r) => r.type)).toEqual([
        'key.copied',
        'key.shown',
        'key.generated',
      ]),
    );
    expect(JSON.stringify(core.activity.list())).not.toContain(plaintext.split('.')[1]);

    // The plaintext never reached a store, web storage or the URL.
    for (const store of [useApps, useKeys, useActivity, useNavigation, useStatus]) {
      expect(JSON.stringify(store.getState())).not.toContain(plaintext);
    }
    expect(localStorage.length + sessionStorage.length).toBe(0);
    expect(window.location.href).not.toContain(stored!.keyId);

    const done = within(dialog).getByRole('button', { name: 'Done' });
    expect(done).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: 'I have stored the key in a safe place' }));
    expect(done).toBeEnabled();
    await user.click(done);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(plaintext);
    expect(screen.getByRole('button', { name: 'Generate API key' })).toHaveFocus();

    const table = screen.getByRole('table', { name: 'API keys of Pyas' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Production');
    expect(within(row).getByText(`${publicPart}…`).tagName).toBe('CODE');
    expect(row).toHaveTextContent('Active');
  });

  it('updates the key count on the Apps list', async () => {
    const { user } = await renderApp(withApp);
    await finishStoring(user, await generateThroughUi(user, { name: 'Production' }));
    await goTo(user, 'Apps');
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'Apps' })).getByRole('listitem')).toHaveTextContent('1 key'),
    );
  });

  it('says "API key name is required." on Next and stays on step 1', async () => {
    const { user, core } = await renderApp(withApp);
    const dialog = await openWizard(user);
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    const field = within(dialog).getByLabelText('API key name');
    expect(field).toHaveAccessibleDescription(/API key name is required\./);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(within(dialog).queryByRole('heading', { name: 'Select scopes' })).not.toBeInTheDocument();
    expect(keysOf(core)).toHaveLength(0);
  });

  it('rejects an API key name over 100 characters with the schema message', async () => {
    const { user, core } = await renderApp(withApp);
    const dialog = await openWizard(user);
    const field = within(dialog).getByLabelText('API key name');
    await user.type(field, 'k'.repeat(101));
    await user.keyboard('{Enter}');
    expect(field).toHaveAccessibleDescription(/API key name can be at most 100 characters\./);
    expect(field).toHaveValue('k'.repeat(101));
    expect(within(dialog).queryByRole('heading', { name: 'Select scopes' })).not.toBeInTheDocument();
    expect(keysOf(core)).toHaveLength(0);
  });

  it('asks for a custom date and time, rejects the past, and converts local time to the key expiry', async () => {
    const { user, core } = await renderApp(withApp);
    const dialog = await openWizard(user);
    await user.type(within(dialog).getByLabelText('API key name'), 'Launch');
    await user.selectOptions(within(dialog).getByLabelText('Expiration time'), 'Custom');
    const date = within(dialog).getByLabelText('Date');
    const time = within(dialog).getByLabelText('Time');
    expect(date).toHaveAttribute('type', 'date');
    expect(time).toHaveAttribute('type', 'time');

    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(date).toHaveAccessibleDescription('Enter the date and the time the key expires.');
    expect(date).toHaveFocus();

    await user.type(date, '2020-01-01');
    await user.type(time, '09:30');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(date).toHaveAccessibleDescription('The expiration date and time must be in the future.');
    expect(within(dialog).queryByRole('heading', { name: 'Select scopes' })).not.toBeInTheDocument();

    await user.clear(date);
    await user.type(date, '2099-03-04');
    expect(date).not.toHaveAccessibleDescription();
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await within(dialog).findByRole('heading', { name: 'Select scopes' });
    await user.click(scopeBox(dialog, 'Read users'));
    await user.click(within(dialog).getByRole('button', { name: 'Generate API key' }));
    await within(dialog).findByRole('heading', { name: 'Store your API key' });

    const expected = new Date(2099, 2, 4, 9, 30).toISOString(); // local time
    expect(keysOf(core)[0]).toMatchObject({ expiration: { kind: 'custom', at: expected }, expiresAt: expected });
  });

  it('shows one custom-expiry message under the date and time, described by the field at fault', async () => {
    const { user } = await renderApp(withApp);
    const dialog = await openWizard(user);
    await user.type(within(dialog).getByLabelText('API key name'), 'Launch');
    await user.selectOptions(within(dialog).getByLabelText('Expiration time'), 'Custom');
    const fields = within(dialog).getByRole('group', { name: 'Expires on (your local time)' });
    const date = within(fields).getByLabelText('Date');
    const time = within(fields).getByLabelText('Time');
    const pad = (n: number) => String(n).padStart(2, '0');
    const now = new Date();
    const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

    // Today at midnight has passed: the time is wrong, not the date.
    await user.type(date, today);
    await user.type(time, '00:00');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    const inPast = 'The expiration date and time must be in the future.';
    expect(time).toHaveAccessibleDescription(inPast);
    expect(time).toHaveAttribute('aria-invalid', 'true');
    expect(time).toHaveFocus();
    expect(date).not.toHaveAccessibleDescription();
    expect(date).not.toHaveAttribute('aria-invalid');
    // One message, below both fields (not inside either), so neither field moves.
    const [message, ...more] = within(dialog).getAllByText(inPast);
    expect(more).toHaveLength(0);
    expect(message!.parentElement).toBe(fields);
    expect(date.closest('.text-field')).not.toContainElement(message!);

    // A date in the past: the date is wrong.
    await user.clear(date);
    await user.type(date, '2020-01-01');
    expect(date).toHaveAccessibleDescription(inPast);
    expect(time).not.toHaveAccessibleDescription();
    expect(time).not.toHaveAttribute('aria-invalid');

    // A future date without a time: the time is missing.
    await user.clear(date);
    await user.type(date, '2099-03-04');
    await user.clear(time);
    expect(time).toHaveAccessibleDescription('Enter the date and the time the key expires.');
    expect(date).not.toHaveAccessibleDescription();
  });

  it('warns about keys that never expire, and lists them as "Never expires"', async () => {
    const { user, core } = await renderApp(withApp);
    const dialog = await openWizard(user);
    await user.selectOptions(within(dialog).getByLabelText('Expiration time'), 'Never');
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      'Keys that never expire are a risk if they leak. Choose an expiration unless this key must live forever.',
    );
    await user.type(within(dialog).getByLabelText('API key name'), 'Forever');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(await within(dialog).findByRole('checkbox', { name: /^Read items / }));
    await user.click(within(dialog).getByRole('button', { name: 'Generate API key' }));
    await within(dialog).findByRole('heading', { name: 'Store your API key' });
    await finishStoring(user, dialog);
    expect(keysOf(core)[0]).toMatchObject({ expiration: { kind: 'never' }, expiresAt: null });
    const row = within(screen.getByRole('table', { name: 'API keys of Pyas' })).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Never expires');
  });

  it('needs a scope or an explicit "no scopes", and offers Select all and Clear', async () => {
    const { user, core } = await renderApp(withApp);
    const dialog = await openWizard(user);
    await user.type(within(dialog).getByLabelText('API key name'), 'Bare');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await within(dialog).findByRole('heading', { name: 'Select scopes' });

    // "No scopes" comes before the scrolling list of scopes, outside it: always in view.
    const scopesGroup = within(dialog).getByRole('group', { name: 'Scopes' });
    const noScopes = within(dialog).getByRole('checkbox', { name: /^This key needs no scopes/ });
    expect(scopesGroup).not.toContainElement(noScopes);
    expect(noScopes.compareDocumentPosition(scopesGroup) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Generate API key' }));
    const message = 'Select at least one scope, or tick "This key needs no scopes".';
    expect(within(dialog).getByRole('alert')).toHaveTextContent(message);
    expect(within(dialog).getByRole('group', { name: 'Scopes' })).toHaveAccessibleDescription(message);
    expect(scopeBox(dialog, 'Read activities')).toHaveFocus();
    expect(keysOf(core)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Select all' }));
    expect(within(dialog).getByText('9 of 9 selected')).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Clear' }));
    expect(within(dialog).getByText('0 of 9 selected')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent(message);

    await user.click(within(dialog).getByRole('checkbox', { name: /^This key needs no scopes/ }));
    expect(scopeBox(dialog, 'Read items')).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Generate API key' }));
    await within(dialog).findByRole('heading', { name: 'Store your API key' });
    expect(keysOf(core)[0]).toMatchObject({ name: 'Bare', scopes: [] });
  });

  it('goes Back to step 1 and forward again without losing anything', async () => {
    const { user } = await renderApp(withApp);
    const dialog = await openWizard(user);
    await user.type(within(dialog).getByLabelText('API key name'), 'Production');
    await user.selectOptions(within(dialog).getByLabelText('Expiration time'), '5 days');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(await within(dialog).findByRole('checkbox', { name: /^Read secrets / }));

    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(within(dialog).getByLabelText('API key name')).toHaveValue('Production');
    expect(within(dialog).getByLabelText('API key name')).toHaveFocus();
    expect(within(dialog).getByLabelText('Expiration time')).toHaveDisplayValue('5 days');

    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(await within(dialog).findByRole('checkbox', { name: /^Read secrets / })).toBeChecked();
    expect(within(dialog).getByText('1 of 9 selected')).toBeInTheDocument();
  });

  it('shows "Generating…" with the buttons disabled, and cannot be closed mid-way', async () => {
    const held = gate();
    const { user } = await renderApp({
      ...withApp,
      wrapApi: (api) => ({
        ...api,
        keys: { ...api.keys, generate: async (input) => (await held.promise, api.keys.generate(input)) },
      }),
    });
    const dialog = await openWizard(user);
    await user.type(within(dialog).getByLabelText('API key name'), 'Production');
    await user.keyboard('{Enter}');
    await user.click(await within(dialog).findByRole('checkbox', { name: /^Read items / }));
    await user.click(within(dialog).getByRole('button', { name: 'Generate API key' }));
    expect(within(dialog).getByRole('button', { name: 'Generating…' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Back' })).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Generate API key' })).toBeInTheDocument();
    held.open();
    expect(await within(dialog).findByRole('heading', { name: 'Store your API key' })).toBeInTheDocument();
  });

  it('closes at once on steps 1 and 2 (nothing generated yet)', async () => {
    const { user, core } = await renderApp(withApp);
    const dialog = await openWizard(user);
    await user.type(within(dialog).getByLabelText('API key name'), 'Production');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate API key' })).toHaveFocus();
    expect(keysOf(core)).toHaveLength(0);
  });

  it('asks before closing the store step when the key was not confirmed as stored', async () => {
    const { user } = await renderApp(withApp);
    const dialog = await generateThroughUi(user, { name: 'Production' });

    await user.keyboard('{Escape}');
    const question = 'You have not confirmed you stored this key. Close anyway? The key cannot be shown again.';
    expect(within(dialog).getByRole('alert')).toHaveTextContent(question);
    expect(within(dialog).getByRole('button', { name: 'Keep open' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep open' }));
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(keyValue()).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await user.click(within(dialog).getByRole('button', { name: 'Close anyway' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'API keys of Pyas' })).toHaveTextContent('Production');
  });

  it('closes the store step without asking once the key is confirmed as stored', async () => {
    const { user } = await renderApp(withApp);
    const dialog = await generateThroughUi(user, { name: 'Production' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'I have stored the key in a safe place' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says clearly when main cannot copy (no clipboard in this window)', async () => {
    const { user, core, platform } = await renderApp(withApp);
    // As when the core runs without a desktop clipboard: main answers UNAVAILABLE.
    (core.clipboard as unknown as { port: null }).port = null;
    const dialog = await generateThroughUi(user, { name: 'Production' });
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Copy failed');
    expect(alert).toHaveTextContent('Copying is not available in this window. Use Show and copy the key yourself.');
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(platform.text).toBe('');
  });

  it('records "app created" and "key generated" in the app Activity tab, newest first', async () => {
    const { user } = await renderApp(withApp);
    await finishStoring(user, await generateThroughUi(user, { name: 'Production' }));
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    const table = await within(screen.getByRole('tabpanel', { name: 'Activity' })).findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(/API key "Production" generated/);
    expect(within(rows[0]!).getByText(/^pyas_[0-9A-Za-z]{8}$/).tagName).toBe('CODE');
    expect(rows[1]).toHaveTextContent('App "Pyas" created');
    expect(within(rows[0]!).getByText('just now').tagName).toBe('TIME');
  });
});
