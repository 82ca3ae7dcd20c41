import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { formatKey } from '../../electron/core/keys/key-format';
import { ManualClock } from '../support/manual-clock';
import { generate } from './support/keys';
import { openApp, renderApp } from './support/render-app';

const HOUR = 3_600_000;

interface Seeded {
  production: string;
  leaked: string;
  hourly: string;
}

/** Pyas with a valid key (read:items), a revoked one and one that expired an hour ago. */
async function seed(core: Core, clock: ManualClock, into: Partial<Seeded>) {
  const now = Date.now();
  const app = await core.apps.create({ name: 'Pyas' });
  clock.set(new Date(now - 2 * HOUR));
  into.hourly = (
    await generate(core, app.id, { name: 'Hourly', expiration: { kind: 'preset', preset: '1h' } })
  ).plaintext;
  clock.set(new Date(now));
  into.production = (await generate(core, app.id)).plaintext;
  const leaked = await generate(core, app.id, { name: 'Leaked' });
  await core.lifecycle.revoke(leaked.key.id);
  into.leaked = leaked.plaintext;
}

async function setup() {
  const clock = new ManualClock(new Date());
  const keys: Partial<Seeded> = {};
  const rendered = await renderApp({ clock, before: (core) => seed(core, clock, keys) });
  await openApp(rendered.user, 'Pyas');
  await rendered.user.click(screen.getByRole('button', { name: 'Check a key' }));
  return { ...rendered, keys: keys as Seeded, dialog: screen.getByRole('dialog', { name: 'Check a key' }) };
}

async function check(
  user: UserEvent,
  dialog: HTMLElement,
  scheme: string,
  value: string,
  scope = 'None (any valid key)',
) {
  // Emptied first: a header line left from the previous check decides the scheme and locks its select.
  const field = within(dialog).getByLabelText('Key or header line');
  await user.clear(field);
  await user.selectOptions(within(dialog).getByLabelText('Header scheme'), scheme);
  if (value) {
    await user.click(field);
    await user.paste(value);
  }
  await user.selectOptions(within(dialog).getByLabelText('Required scope'), scope);
  await user.click(within(dialog).getByRole('button', { name: 'Check' }));
  return within(dialog).findByText(/^(Valid ✓|Malformed|Not found|Expired|Revoked|Insufficient scope)$/);
}

describe('Check a key', () => {
  it("offers the three header schemes, the app's first, with the header each sends, a password field and the catalog", async () => {
    const { user, dialog } = await setup();
    const scheme = within(dialog).getByLabelText('Header scheme');
    expect(
      within(scheme)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['X-API-Key', 'Api-Key', 'Bearer']);
    expect(scheme).toHaveValue('x-api-key');
    expect(scheme).toHaveAccessibleDescription('A key alone is sent as x-api-key: <key>');
    await user.selectOptions(scheme, 'Api-Key');
    expect(scheme).toHaveAccessibleDescription('A key alone is sent as Authorization: Api-Key <key>');
    await user.selectOptions(scheme, 'Bearer');
    expect(scheme).toHaveAccessibleDescription('A key alone is sent as Authorization: Bearer <key>');
    const field = within(dialog).getByLabelText('Key or header line');
    expect(field).toHaveAttribute('type', 'password');
    expect(field).toHaveAccessibleDescription('For example x-api-key: pyas_…, or the key alone');
    const scopes = within(within(dialog).getByLabelText('Required scope')).getAllByRole('option');
    expect(scopes).toHaveLength(10);
    expect(scopes[2]).toHaveTextContent('Read items (read:items)');
  });

  it('says Valid ✓ with the key it matched, for each scheme', async () => {
    const { user, dialog, keys } = await setup();
    expect(await check(user, dialog, 'Bearer', `Bearer ${keys.production}`)).toBeInTheDocument();
    const status = within(dialog).getByRole('status');
    expect(status).toHaveTextContent('Valid ✓');
    expect(status).toHaveTextContent(/Key: Production pyas_\w{8}… of Pyas/);

    expect((await check(user, dialog, 'X-API-Key', keys.production)).textContent).toBe('Valid ✓');
    expect((await check(user, dialog, 'Api-Key', `Api-Key ${keys.production}`)).textContent).toBe('Valid ✓');
  });

  it('names every failure: Malformed, Not found, Expired, Revoked, Insufficient scope', async () => {
    const { user, dialog, keys } = await setup();
    // The right key in the wrong shape for its header is not what a server would accept.
    expect((await check(user, dialog, 'X-API-Key', `x-api-key: Bearer ${keys.production}`)).textContent).toBe(
      'Malformed',
    );
    expect(within(dialog).getByRole('status')).not.toHaveTextContent('Key:');
    expect((await check(user, dialog, 'X-API-Key', formatKey('pyas', 'Zz000000'))).textContent).toBe('Not found');
    expect((await check(user, dialog, 'X-API-Key', keys.hourly)).textContent).toBe('Expired');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Key: Hourly');
    expect((await check(user, dialog, 'X-API-Key', keys.leaked)).textContent).toBe('Revoked');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Key: Leaked');
    const insufficient = await check(
      user,
      dialog,
      'X-API-Key',
      keys.production,
      'Write integrations (write:integrations)',
    );
    expect(insufficient.textContent).toBe('Insufficient scope');
    expect((await check(user, dialog, 'X-API-Key', keys.production, 'Read items (read:items)')).textContent).toBe(
      'Valid ✓',
    );
  });

  it('takes the whole header line, whose scheme wins over the one chosen for a bare key', async () => {
    const { user, dialog, keys } = await setup();
    const scheme = within(dialog).getByLabelText('Header scheme');
    expect((await check(user, dialog, 'Bearer', `x-api-key: ${keys.production}`)).textContent).toBe('Valid ✓');
    expect(scheme).toBeDisabled();
    expect(scheme).toHaveValue('x-api-key');
    expect(scheme).toHaveAccessibleDescription('From the line you pasted: x-api-key: <key>');
    const atfinity = `’Authorization: Api-Key ${keys.production}’`;
    expect((await check(user, dialog, 'X-API-Key', atfinity)).textContent).toBe('Valid ✓');
    expect(scheme).toHaveValue('api-key');
    const bearer = `Authorization: Bearer ${keys.production}`;
    expect((await check(user, dialog, 'X-API-Key', bearer)).textContent).toBe('Valid ✓');
    // The bare key again: the chosen scheme applies once more.
    expect((await check(user, dialog, 'Bearer', keys.production)).textContent).toBe('Valid ✓');
    expect(scheme).toBeEnabled();
  });

  it('refuses a line with another header or Authorization scheme, saying what to send, and checks nothing', async () => {
    const { user, dialog, keys } = await setup();
    const field = within(dialog).getByLabelText('Key or header line');
    await user.click(field);
    await user.paste(`Authorization: Basic ${keys.production}`);
    await user.click(within(dialog).getByRole('button', { name: 'Check' }));
    expect(field).toHaveAccessibleDescription(/Authorization takes "Api-Key <key>" or "Bearer <key>"\./);
    expect(field).toBeInvalid();
    expect(within(dialog).getByRole('status')).toBeEmptyDOMElement();
    expect(dialog).not.toHaveTextContent(keys.production);
  });

  it("sends a bare key with the app's own scheme (atfinity: Api-Key)", async () => {
    const clock = new ManualClock(new Date());
    let plaintext = '';
    const { user } = await renderApp({
      clock,
      before: async (core) => {
        const app = await core.apps.create({ name: 'atfinity', headerScheme: 'api-key', scopes: 'none' });
        plaintext = (await generate(core, app.id, { scopes: [] })).plaintext;
      },
    });
    await openApp(user, 'atfinity');
    await user.click(screen.getByRole('button', { name: 'Check a key' }));
    const dialog = screen.getByRole('dialog', { name: 'Check a key' });
    expect(within(dialog).getByLabelText('Header scheme')).toHaveValue('api-key');
    expect(within(dialog).getByLabelText('Key or header line')).toHaveAccessibleDescription(
      'For example Authorization: Api-Key atfinity_…, or the key alone',
    );
    expect((await check(user, dialog, 'Api-Key', plaintext)).textContent).toBe('Valid ✓');
  });

  it("shows the check as the key's last use once the dialog closes, without reopening the app", async () => {
    const { user, dialog, keys } = await setup();
    const lastUsed = () => {
      const table = screen.getByRole('table', { name: 'API keys of Pyas' });
      const row = within(table)
        .getAllByRole('row')
        .find((r) => r.querySelector('td')?.textContent === 'Production');
      return row!.querySelectorAll('td')[5]!;
    };
    expect(lastUsed()).toHaveTextContent('Never used');

    expect((await check(user, dialog, 'X-API-Key', keys.production)).textContent).toBe('Valid ✓');
    const [, footerClose] = within(dialog).getAllByRole('button', { name: 'Close' });
    await user.click(footerClose!);
    await waitFor(() => expect(lastUsed()).toHaveTextContent('just now'));
    expect(lastUsed().querySelector('time')).toHaveAttribute('dateTime');
  });

  it('clears the header value when the dialog closes', async () => {
    const { user, dialog, keys } = await setup();
    await check(user, dialog, 'X-API-Key', keys.production);
    const [, footerClose] = within(dialog).getAllByRole('button', { name: 'Close' }); // the X, then the footer's
    await user.click(footerClose!);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(keys.production);
    expect(screen.getByRole('button', { name: 'Check a key' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Check a key' }));
    const again = screen.getByRole('dialog', { name: 'Check a key' });
    expect(within(again).getByLabelText('Key or header line')).toHaveValue('');
    expect(within(again).getByRole('status')).toBeEmptyDOMElement();
  });
});
