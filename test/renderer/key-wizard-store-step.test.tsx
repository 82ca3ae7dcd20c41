// The generation wizard's "Store your API key" step: the key shown once, Copy, Done and closing, what it records.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useActivity } from '../../renderer/src/stores/activity-store';
import { useApps } from '../../renderer/src/stores/apps-store';
import { useKeys } from '../../renderer/src/stores/keys-store';
import { useNavigation } from '../../renderer/src/stores/navigation-store';
import { useStatus } from '../../renderer/src/stores/status-store';
import { goTo, renderApp } from './support/render-app';
import { finishStoring, generateThroughUi, keysOf, withApp } from './support/wizard';

const WARNING =
  'This is the only time you can view and copy this API key. Store it in a safe place — Keyhaven keeps only a hash of it.';

const keyValue = () => screen.getByTestId('api-key-value');

describe('The generation wizard', () => {
  it('shows the key once, masked; Show and Copy are recorded; Done waits for "I have stored the key"', async () => {
    const { user, core, platform, writeText } = await renderApp(withApp);
    const dialog = await generateThroughUi(user, { name: 'Production' });
    const heading = within(dialog).getByRole('heading', { name: 'Store your API key' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(within(dialog).getByRole('note')).toHaveTextContent(WARNING);
    // Extracta's advice, word for word (issue 14, item 12).
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      'Do not share your API key publicly or with unauthorized individuals. Treat it as you would your password.',
    );
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      'Regenerate your API key if you suspect it has been compromised',
    );
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
      // The log's records (the check above also shows as this hour's verifications so far, in no file).
      expect(
        core.activity
          .list({ issuedKeyId: stored!.id })
          .filter((r) => !r.provisional)
          .map((r) => r.type),
      ).toEqual(['key.copied', 'key.shown', 'key.generated']),
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
