import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { GeneratedKey } from '../../shared/domain/issued-key';
import { generate } from './support/keys';
import { openApp, renderApp } from './support/render-app';

const table = () => screen.getByRole('table', { name: 'API keys of Pyas' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const hasRow = (keyId: string) =>
  screen.queryByRole('table', { name: 'API keys of Pyas' }) !== null &&
  bodyRows().some((r) => within(r).queryByText(`pyas_${keyId}…`, { selector: 'td:nth-child(2) > code' }));
/** Ended keys leave the table until "Show revoked and rotated" is ticked (issue 14). */
const showEnded = (user: { click: (element: Element) => Promise<void> }) =>
  user.click(screen.getByRole('checkbox', { name: /^Show revoked and rotated \(\d+\)$/ }));
const rowOf = (keyId: string) => {
  const row = bodyRows().find((r) => within(r).queryByText(`pyas_${keyId}…`, { selector: 'td:nth-child(2) > code' }));
  if (!row) throw new Error(`no row for ${keyId}`);
  return row;
};

/** Pyas with one key, "Production"; `expiration` defaults to 1 year. */
function withKey(into: { key?: GeneratedKey }, preset: '1y' | '1d' = '1y') {
  return {
    before: async (core: Core) => {
      const app = await core.apps.create({ name: 'Pyas' });
      into.key = await generate(core, app.id, { expiration: { kind: 'preset', preset } });
    },
  };
}

async function openRotate(user: ReturnType<typeof Object>, keyId: string) {
  await openApp(user, 'Pyas');
  await screen.findByRole('table', { name: 'API keys of Pyas' });
  await user.click(within(rowOf(keyId)).getByRole('button', { name: 'Rotate' }));
  return screen.getByRole('dialog', { name: 'Rotate API key' });
}

describe('Rotating a key', () => {
  it('explains, offers a grace period, then shows the new key once; the old one keeps working until then', async () => {
    const seeded: { key?: GeneratedKey } = {};
    const { user, core } = await renderApp(withKey(seeded));
    const old = seeded.key!;
    const dialog = await openRotate(user, old.key.keyId);

    expect(dialog).toHaveTextContent(
      `The current key “Production” (pyas_${old.key.keyId}…) will be replaced with a new key with the same name, scopes and expiration setting — regenerated, as Extracta says.`,
    );
    // What happens to the old key follows the grace period chosen (issue 14, item 12).
    expect(dialog).toHaveTextContent('The current key stops working as soon as you rotate.');
    await user.click(within(dialog).getByRole('radio', { name: '24 hours' }));
    expect(dialog).toHaveTextContent(
      /The current key keeps working for 24 hours after you rotate \(until about .+\), then stops for good\./,
    );
    await user.click(within(dialog).getByRole('radio', { name: 'Immediately' }));
    const group = within(dialog).getByRole('group', { name: 'Keep the old key working for' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.closest('div')?.textContent)).toEqual(['Immediately', '1 hour', '24 hours', '7 days']);
    expect(radios.map((r) => r.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1']);
    expect(within(group).getByRole('radio', { name: 'Immediately' })).toBeChecked();
    expect(within(group).getByRole('radio', { name: 'Immediately' })).toHaveFocus();

    // Arrow keys move through the group and select.
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(group).getByRole('radio', { name: '24 hours' })).toBeChecked();
    expect(within(group).getByRole('radio', { name: '24 hours' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(within(group).getByRole('radio', { name: '1 hour' })).toBeChecked();
    await user.keyboard('{ArrowDown}');

    await user.click(within(dialog).getByRole('button', { name: 'Rotate key' }));
    await within(dialog).findByRole('heading', { name: 'Store your API key' });
    expect(dialog).toHaveTextContent(
      new RegExp(`The old key pyas_${old.key.keyId}… keeps working until .+, then stops for good\\.`),
    );

    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    const plaintext = screen.getByTestId('api-key-value').textContent ?? '';
    await user.click(within(dialog).getByRole('checkbox', { name: 'I have stored the key in a safe place' }));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(table()).getAllByRole('row')[1]).toHaveFocus(); // the new key, newest first

    const fresh = await core.keys.verify(plaintext, 'x-api-key');
    expect(fresh.code).toBe('VALID');
    expect(fresh.key).toMatchObject({ name: 'Production', scopes: ['read:items'], replacesId: old.key.id });
    expect((await core.keys.verify(old.plaintext, 'x-api-key')).code).toBe('VALID'); // in its grace period

    const oldRow = rowOf(old.key.keyId);
    expect(oldRow).toHaveTextContent('Rotated');
    expect(oldRow).toHaveTextContent(/works until/);
    expect(oldRow).toHaveTextContent(`Replaced by pyas_${fresh.key!.keyId.slice(0, 4)}`);
    expect(within(oldRow).getByRole('button', { name: `pyas_${fresh.key!.keyId}` })).toBeInTheDocument();
    expect(within(oldRow).queryByRole('button', { name: 'Rotate' })).not.toBeInTheDocument();
    expect(within(oldRow).getByRole('button', { name: 'Revoke' })).toBeInTheDocument();
    const newRow = rowOf(fresh.key!.keyId);
    expect(newRow).toHaveTextContent('Active');
    expect(newRow).toHaveTextContent(`Replaces pyas_${old.key.keyId.slice(0, 4)}`);
  });

  it('disables the old key at once with "Immediately"', async () => {
    const seeded: { key?: GeneratedKey } = {};
    const { user, core } = await renderApp(withKey(seeded));
    const dialog = await openRotate(user, seeded.key!.key.keyId);
    await user.keyboard('{Enter}');
    await within(dialog).findByRole('heading', { name: 'Store your API key' });
    expect(dialog).toHaveTextContent(`The old key pyas_${seeded.key!.key.keyId}… no longer works.`);
    expect((await core.keys.verify(seeded.key!.plaintext, 'x-api-key')).code).toBe('REVOKED');

    await user.click(within(dialog).getByRole('checkbox', { name: 'I have stored the key in a safe place' }));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    // It no longer works at all: hidden with the revoked keys until asked for.
    expect(hasRow(seeded.key!.key.keyId)).toBe(false);
    await showEnded(user);
    const oldRow = rowOf(seeded.key!.key.keyId);
    expect(oldRow).toHaveTextContent('Rotated');
    expect(oldRow).not.toHaveTextContent('works until');
    expect(within(oldRow).queryAllByRole('button', { name: /Rotate|Revoke/ })).toHaveLength(0);
  });

  it('disables grace periods that would outlive the key, and says why', async () => {
    const seeded: { key?: GeneratedKey } = {};
    const { user } = await renderApp(withKey(seeded, '1d'));
    const dialog = await openRotate(user, seeded.key!.key.keyId);
    const radio = (name: string) => within(dialog).getByRole('radio', { name });
    expect(radio('Immediately')).toBeEnabled();
    expect(radio('1 hour')).toBeEnabled();
    expect(radio('24 hours')).toBeDisabled();
    expect(radio('7 days')).toBeDisabled();
    expect(radio('7 days')).toHaveAccessibleDescription(/^Not available: the key itself expires before then/);

    await user.keyboard('{ArrowDown}');
    expect(radio('1 hour')).toBeChecked();
    await user.keyboard('{ArrowDown}'); // skips the disabled ones and wraps
    expect(radio('Immediately')).toBeChecked();
  });

  it('shows the core refusal inline when the key changed meanwhile', async () => {
    const seeded: { key?: GeneratedKey } = {};
    const { user, core } = await renderApp(withKey(seeded));
    const dialog = await openRotate(user, seeded.key!.key.keyId);
    await core.lifecycle.revoke(seeded.key!.key.id); // e.g. from another window
    await user.click(within(dialog).getByRole('button', { name: 'Rotate key' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The API key was not rotated');
    expect(alert).toHaveTextContent('API key "Production" is revoked and cannot be rotated.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('Revoking a key', () => {
  it('asks (starting on Cancel), then disables the key at once and shows it as Revoked', async () => {
    const seeded: { key?: GeneratedKey } = {};
    const { user, core } = await renderApp(withKey(seeded));
    await openApp(user, 'Pyas');
    await screen.findByRole('table', { name: 'API keys of Pyas' });
    const keyId = seeded.key!.key.keyId;

    await user.click(within(rowOf(keyId)).getByRole('button', { name: 'Revoke' }));
    let dialog = screen.getByRole('dialog', { name: 'Revoke API key' });
    expect(dialog).toHaveTextContent(
      `Revoking “Production” (pyas_${keyId}…) disables it immediately. This cannot be undone.`,
    );
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Enter}'); // Enter on Cancel cancels
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(rowOf(keyId)).toHaveTextContent('Active');

    await user.click(within(rowOf(keyId)).getByRole('button', { name: 'Revoke' }));
    dialog = screen.getByRole('dialog', { name: 'Revoke API key' });
    const confirm = within(dialog).getByRole('button', { name: 'Revoke key' });
    expect(confirm).toHaveClass('button--danger');
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // The revoked key leaves the table; focus lands on the toggle that brings it back.
    expect(hasRow(keyId)).toBe(false);
    const toggle = screen.getByRole('checkbox', { name: 'Show revoked and rotated (1)' });
    expect(toggle).toHaveFocus();
    await user.click(toggle);
    expect(rowOf(keyId)).toHaveTextContent('Revoked');
    expect(within(rowOf(keyId)).queryAllByRole('button', { name: /Rotate|Revoke/ })).toHaveLength(0);
    expect((await core.keys.verify(seeded.key!.plaintext, 'x-api-key')).code).toBe('REVOKED');
    expect(core.activity.list({ issuedKeyId: seeded.key!.key.id })[0]).toMatchObject({ type: 'key.revoked' });
  });

  it('revokes a rotated key that is still in its grace period', async () => {
    const seeded: { key?: GeneratedKey } = {};
    const { user, core } = await renderApp({
      before: async (core: Core) => {
        await withKey(seeded).before(core);
        await core.lifecycle.rotate(seeded.key!.key.id, '7d');
      },
    });
    await openApp(user, 'Pyas');
    await screen.findByRole('table', { name: 'API keys of Pyas' });
    const keyId = seeded.key!.key.keyId;
    expect(rowOf(keyId)).toHaveTextContent('Rotated');
    await user.click(within(rowOf(keyId)).getByRole('button', { name: 'Revoke' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(hasRow(keyId)).toBe(false));
    await showEnded(user);
    expect(rowOf(keyId)).toHaveTextContent('Revoked');
    expect((await core.keys.verify(seeded.key!.plaintext, 'x-api-key')).code).toBe('REVOKED');
  });
});
