// The generation wizard's first step: the key name's rules, custom and never-expiring expirations.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/render-app';
import { finishStoring, keysOf, openWizard, scopeBox, withApp } from './support/wizard';

describe('The generation wizard', () => {
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
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
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
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await within(dialog).findByRole('heading', { name: 'Store your API key' });
    await finishStoring(user, dialog);
    expect(keysOf(core)[0]).toMatchObject({ expiration: { kind: 'never' }, expiresAt: null });
    const row = within(screen.getByRole('table', { name: 'API keys of Pyas' })).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Never expires');
  });
});
