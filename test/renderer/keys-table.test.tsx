import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { ManualClock } from '../support/manual-clock';
import { generate, seedKeys } from './support/keys';
import { openApp, renderApp } from './support/render-app';

const HOUR = 3_600_000;

const table = () => screen.getByRole('table', { name: 'API keys of Pyas' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const names = () => bodyRows().map((row) => row.querySelector('td')?.textContent);
const rowsNamed = (name: string) => bodyRows().filter((row) => row.querySelector('td')?.textContent === name);
const rowNamed = (name: string) => {
  const [row, ...more] = rowsNamed(name);
  if (!row || more.length > 0) throw new Error(`expected one row named ${name}`);
  return row;
};
/** The text a sighted user sees: without what is there for screen readers only. */
const shownText = (element: Element): string => {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
  return copy.textContent ?? '';
};

/** The row's action and link buttons, without its name (a button that opens the key's page). */
const buttonsOf = (row: HTMLElement) =>
  within(row)
    .queryAllByRole('button')
    .filter((b) => !b.closest('td:first-child'))
    .map((b) => b.textContent);
/** Revoked keys (and rotated ones past their grace) are hidden until this is ticked. */
const showEnded = (user: { click: (element: Element) => Promise<void> }, count: number) =>
  user.click(screen.getByRole('checkbox', { name: `Show revoked and rotated (${count})` }));

/**
 * One key in each state, issued through the real core: an hourly key issued two hours ago (Expired),
 * Production (Active, used once), a 5-day key (Active, expiring soon), a revoked key, a rotated key still in
 * its 24-hour grace period with its replacement, and a key that never expires.
 */
async function seedEveryState(core: Core, clock: ManualClock): Promise<{ production: string }> {
  const now = Date.now();
  const app = await core.apps.create({ name: 'Pyas' });
  clock.set(new Date(now - 2 * HOUR));
  await generate(core, app.id, { name: 'Hourly', expiration: { kind: 'preset', preset: '1h' } });
  clock.set(new Date(now));
  const production = await generate(core, app.id, { name: 'Production', scopes: ['read:items', 'read:users'] });
  await generate(core, app.id, { name: 'Short', expiration: { kind: 'preset', preset: '5d' } });
  const revoked = await generate(core, app.id, { name: 'Leaked' });
  await core.lifecycle.revoke(revoked.key.id);
  const rotated = await generate(core, app.id, { name: 'Rotating' });
  await core.lifecycle.rotate(rotated.key.id, '24h');
  await generate(core, app.id, { name: 'Forever', expiration: { kind: 'never' }, scopes: [] });
  await core.keys.verify(production.plaintext, 'x-api-key');
  await core.usage.flush();
  return { production: production.key.keyId };
}

describe('The keys table', () => {
  it('shows every column, each status, expiry, last use and the actions a key allows', async () => {
    const clock = new ManualClock(new Date());
    const { user } = await renderApp({ clock, before: (core) => seedEveryState(core, clock).then(() => {}) });
    await openApp(user, 'Pyas');
    await screen.findByRole('table', { name: 'API keys of Pyas' });

    expect(
      within(table())
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Key', 'Scopes', 'Created', 'Expires', 'Last used', 'Status', 'Actions']);
    // The revoked key is hidden at first (issue 14); the toggle counts and shows it.
    expect(screen.getByText('6 of 7 keys')).toBeInTheDocument();
    expect(names()).not.toContain('Leaked');
    await showEnded(user, 1);
    expect(screen.getByText('7 of 7 keys')).toBeInTheDocument();

    const production = rowNamed('Production');
    expect(production).toHaveTextContent('Active');
    // A year-long key made a moment ago: a year, not "in 12 months".
    expect(within(production).getByText('in 1 year')).toHaveAttribute('title');
    const scopes = within(production).getByText(/^2 scopes/);
    expect(scopes).toHaveAttribute('title', 'read:items\nread:users');
    expect(scopes).toHaveTextContent('2 scopes: read:items, read:users');
    expect(within(production).getByText('just now', { selector: 'td:nth-child(6) time' })).toBeInTheDocument();
    expect(buttonsOf(production)).toEqual(['Rotate', 'Revoke']);

    // A key about to expire still works: Active, and how soon it stops beside it (issue 14, item 8).
    const short = rowNamed('Short');
    expect(within(short).getByText('Active')).toBeInTheDocument();
    expect(within(short).getByText('expires in 5 days')).toHaveAttribute('title', expect.stringMatching(/^Expires /));
    expect(short).not.toHaveTextContent('Expiring soon');
    expect(short).toHaveTextContent('Never used');
    expect(buttonsOf(short)).toEqual(['Rotate', 'Revoke']);

    const hourly = rowNamed('Hourly');
    expect(hourly).toHaveTextContent('Expired');
    expect(hourly).toHaveTextContent('1 hour ago');
    expect(buttonsOf(hourly)).toEqual([]);

    // A revoked key says when it was revoked, not when it would have expired.
    const leaked = rowNamed('Leaked');
    expect(within(leaked).getByText('Revoked', { selector: '.status-badge' })).toBeInTheDocument();
    expect(within(leaked).getByText(/^Revoked/, { selector: '.key-revoked-at' })).toHaveTextContent('Revoked just now');
    expect(leaked).not.toHaveTextContent(/in \d+ (days|months|year)/);
    expect(buttonsOf(leaked)).toEqual([]);

    const forever = rowNamed('Forever');
    expect(within(forever).getByText('Never expires')).toBeInTheDocument();
    expect(within(forever).getByTitle('No scopes')).toHaveTextContent('None (no scopes)');

    const [replacement, rotated] = rowsNamed('Rotating');
    expect(rotated).toHaveTextContent('Rotated');
    // 24 hours of grace end tomorrow: the date is there, so the end never reads like "now".
    const grace = within(rotated!).getByTitle(/^Keeps working until /);
    expect(grace).toHaveTextContent(/^works until tomorrow \d/);
    // The link shows four characters of the id; its name is the whole id.
    expect(within(rotated!).getAllByRole('button').map(shownText)).toEqual([
      'Rotating',
      expect.stringMatching(/^pyas_\w{4}…$/),
      'Revoke',
    ]);
    expect(within(rotated!).getByRole('button', { name: /^pyas_\w{8}$/ })).toBeInTheDocument();
    expect(replacement).toHaveTextContent('Active');
    const [newLabel, oldLabel] = [replacement!, rotated!].map((row) => {
      const id = within(row).getAllByText(/^pyas_\w{8}…$/)[0]!.textContent!;
      return { full: id.slice(0, -1), short: `${id.slice(0, 'pyas_'.length + 4)}…` };
    });
    expect(shownText(rotated!)).toContain(`Replaced by ${newLabel!.short}`);
    expect(within(rotated!).getByRole('button', { name: newLabel!.full })).toHaveAttribute(
      'title',
      `Go to ${newLabel!.full}`,
    );
    expect(shownText(replacement!)).toContain(`Replaces ${oldLabel!.short}`);
    expect(within(replacement!).getByRole('button', { name: oldLabel!.full })).toBeInTheDocument();
  });

  it('shows both rotation links of a key in the middle of a chain, each on its own short line', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        const app = await core.apps.create({ name: 'Pyas' });
        const first = await generate(core, app.id, { name: 'Chain' });
        const second = await core.lifecycle.rotate(first.key.id, 'immediately');
        await core.lifecycle.rotate(second.key.id, 'immediately');
      },
    });
    await openApp(user, 'Pyas');
    await screen.findByRole('table', { name: 'API keys of Pyas' });
    expect(rowsNamed('Chain')).toHaveLength(1);
    await showEnded(user, 2);
    const [newest, middle, oldest] = rowsNamed('Chain');
    const idOf = (row: HTMLElement) =>
      within(row)
        .getAllByText(/^pyas_\w{8}…$/)[0]!
        .textContent!.slice(0, -1);

    const links = within(middle!).getAllByRole('button', { name: /^pyas_/ });
    expect(links).toHaveLength(2);
    expect(links[0]).toHaveAccessibleName(idOf(newest!));
    expect(links[1]).toHaveAccessibleName(idOf(oldest!));
    // Each link is one line, its title the whole id in case the line is cut short.
    expect(links.map((link) => link.parentElement?.getAttribute('title'))).toEqual([
      `Replaced by ${idOf(newest!)}`,
      `Replaces ${idOf(oldest!)}`,
    ]);
    // The key and its two links: three lines of the Key cell, nothing else.
    const keyCell = links[0]!.closest('td')!;
    expect(Array.from(keyCell.children).map(shownText)).toEqual([
      `${idOf(middle!)}…`,
      `Replaced by ${idOf(newest!).slice(0, 'pyas_'.length + 4)}…`,
      `Replaces ${idOf(oldest!).slice(0, 'pyas_'.length + 4)}…`,
    ]);
  });

  it('jumps from a rotated key to its replacement and back', async () => {
    const clock = new ManualClock(new Date());
    const { user } = await renderApp({ clock, before: (core) => seedEveryState(core, clock).then(() => {}) });
    await openApp(user, 'Pyas');
    await screen.findByRole('table', { name: 'API keys of Pyas' });
    const [replacement, rotated] = rowsNamed('Rotating');

    await user.click(within(rotated!).getByRole('button', { name: /^pyas_/ }));
    await waitFor(() => expect(replacement).toHaveFocus());
    expect(replacement).toHaveClass('keys-table__row--highlight');

    // Even when a filter hides the other row, the jump clears the filters to show it.
    await user.selectOptions(screen.getByLabelText('Status'), 'Active');
    await user.click(within(rowsNamed('Rotating')[0]!).getByRole('button', { name: /^pyas_/ }));
    expect(screen.getByLabelText('Status')).toHaveDisplayValue('All');
    await waitFor(() => expect(rowsNamed('Rotating')[1]).toHaveFocus());
  });

  it('sorts by every column from its header, with aria-sort on the sorted one', async () => {
    const clock = new ManualClock(new Date());
    const { user } = await renderApp({ clock, before: (core) => seedEveryState(core, clock).then(() => {}) });
    await openApp(user, 'Pyas');
    await screen.findByRole('table', { name: 'API keys of Pyas' });
    const header = (name: string) => within(table()).getByRole('columnheader', { name });
    await showEnded(user, 1);

    // Newest first by default, as the core lists them.
    expect(header('Created')).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['Forever', 'Rotating', 'Rotating', 'Leaked', 'Short', 'Production', 'Hourly']);

    await user.click(within(header('Name')).getByRole('button'));
    expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Created')).not.toHaveAttribute('aria-sort');
    expect(names()).toEqual(['Forever', 'Hourly', 'Leaked', 'Production', 'Rotating', 'Rotating', 'Short']);
    await user.click(within(header('Name')).getByRole('button'));
    expect(header('Name')).toHaveAttribute('aria-sort', 'descending');
    expect(names()[0]).toBe('Short');

    // A key that never expires comes after every date.
    await user.click(within(header('Expires')).getByRole('button'));
    expect(names()[0]).toBe('Hourly');
    expect(names().at(-1)).toBe('Forever');

    await user.click(within(header('Status')).getByRole('button'));
    expect(bodyRows().map((row) => row.querySelector('.status-badge')?.textContent)).toEqual([
      'Active',
      'Active',
      'Active',
      'Active',
      'Expired',
      'Revoked',
      'Rotated',
    ]);

    await user.click(within(header('Scopes')).getByRole('button'));
    expect(names()[0]).toBe('Forever');
    await user.click(within(header('Last used')).getByRole('button'));
    await user.click(within(header('Last used')).getByRole('button'));
    expect(names()[0]).toBe('Production');
    await user.click(within(header('Key')).getByRole('button'));
    expect(header('Key')).toHaveAttribute('aria-sort', 'ascending');
  });

  it('filters by status and by name or key id, counts, and says when no keys match', async () => {
    const clock = new ManualClock(new Date());
    let productionKeyId = '';
    const { user } = await renderApp({
      clock,
      before: async (core) => {
        productionKeyId = (await seedEveryState(core, clock)).production;
      },
    });
    await openApp(user, 'Pyas');
    await screen.findByRole('table', { name: 'API keys of Pyas' });
    const status = screen.getByLabelText('Status');
    expect(
      within(status)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All', 'Active', 'Expiring soon', 'Expired', 'Revoked', 'Rotated', 'Disabled']);

    // Asking for revoked keys shows them, though the toggle hides them from "All".
    await user.selectOptions(status, 'Revoked');
    expect(names()).toEqual(['Leaked']);
    expect(screen.getByText('1 of 7 keys')).toBeInTheDocument();
    await user.selectOptions(status, 'All');

    const search = screen.getByRole('searchbox', { name: 'Search keys' });
    await user.type(search, 'rotat');
    expect(names()).toEqual(['Rotating', 'Rotating']);
    await user.clear(search);
    await user.type(search, productionKeyId.toLowerCase());
    expect(names()).toEqual(['Production']);
    expect(screen.getByText('1 of 7 keys')).toBeInTheDocument();

    await user.selectOptions(status, 'Expired');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const none = screen.getByRole('region', { name: 'No keys match' });
    expect(screen.getByText('0 of 7 keys')).toBeInTheDocument();
    await user.click(within(none).getByRole('button', { name: 'Clear filters' }));
    expect(search).toHaveValue('');
    expect(names()).toHaveLength(6); // the revoked key stays hidden behind its toggle
  });

  it('renders only a window of 2,000 keys, and filtering still finds any one of them', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        const app = await core.apps.create({ name: 'Pyas' });
        await seedKeys(core, app.id, 2_000);
      },
    });
    await openApp(user, 'Pyas');
    await screen.findByRole('table', { name: 'API keys of Pyas' });
    expect(screen.getByText('2000 of 2000 keys')).toBeInTheDocument();
    expect(table()).toHaveAttribute('aria-rowcount', '2001');
    const rendered = bodyRows();
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(40);
    expect(names()[0]).toBe('Key 1999'); // newest first
    expect(rendered[0]).toHaveAttribute('aria-rowindex', '2');
    expect(screen.queryByText('Key 1234')).not.toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search keys' }), 'Key 1234');
    await waitFor(() => expect(names()).toEqual(['Key 1234']));
    expect(screen.getByText('1 of 2000 keys')).toBeInTheDocument();
  });
});
