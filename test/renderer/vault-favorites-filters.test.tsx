import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { goTo, renderApp } from './support/render-app';
import { addEntry, goToVaults, personal, rowNames, rowOf, vaultButton } from './support/vaults';

/**
 * Five entries of Personal: two starred, tags prod ×3, eu ×2, us and staging ×1, and one untagged,
 * so each chip (alone or with another) leaves a different set of rows.
 */
async function seedFive(core: Core): Promise<void> {
  const id = personal(core).id;
  await addEntry(core, id, { name: 'Pyas EU', secret: 'k1', preset: 'pyas', tags: ['prod', 'eu'], favorite: true });
  await addEntry(core, id, { name: 'Pyas US', secret: 'k2', preset: 'pyas', tags: ['prod', 'us'] });
  await addEntry(core, id, {
    name: 'atfinity staging',
    secret: 'k3',
    preset: 'atfinity',
    tags: ['staging', 'eu'],
    favorite: true,
  });
  await addEntry(core, id, { name: 'Extracta', secret: 'k4', preset: 'extracta', tags: ['prod'] });
  await addEntry(core, id, { name: 'nexos', secret: 'k5', preset: 'nexos-ai' });
}

const filterBar = () => within(screen.getByRole('group', { name: 'Show only' }));
const chip = (name: string) => filterBar().getByRole('button', { name });
const star = (entryName: string) =>
  within(rowOf('Personal', entryName)).getByRole('button', { name: `Favourite ${entryName}` });
const favoriteInCore = (core: Core, entryName: string) =>
  core.vaults.entries.listEntries(personal(core).id).find((e) => e.name === entryName)?.favorite;
const ALL = ['atfinity staging', 'Extracta', 'nexos', 'Pyas EU', 'Pyas US'];

describe('Favourites and tag filters on the Vaults screen', { timeout: 20_000 }, () => {
  it('stars an entry from its row; the star is saved in the core and still on after the screen reloads', async () => {
    const { user, core } = await renderApp({ before: seedFive });
    await goToVaults(user);
    await screen.findByRole('table', { name: 'Entries of Personal' });
    expect(star('Extracta')).toHaveAttribute('aria-pressed', 'false');
    expect(star('Pyas EU')).toHaveAttribute('aria-pressed', 'true');
    expect(chip('Favourites 2 entries')).toHaveAttribute('aria-pressed', 'false');

    await user.click(star('Extracta'));
    await waitFor(() => expect(star('Extracta')).toHaveAttribute('aria-pressed', 'true'));
    expect(favoriteInCore(core, 'Extracta')).toBe(true);
    expect(chip('Favourites 3 entries')).toBeInTheDocument();
    // The keyboard stays on the star it pressed.
    expect(star('Extracta')).toHaveFocus();

    // Away and back: the panel reads the entries from the core again.
    await goTo(user, 'Apps');
    await goToVaults(user);
    await waitFor(() => expect(star('Extracta')).toHaveAttribute('aria-pressed', 'true'));

    await user.click(star('Pyas EU'));
    await waitFor(() => expect(star('Pyas EU')).toHaveAttribute('aria-pressed', 'false'));
    expect(favoriteInCore(core, 'Pyas EU')).toBe(false);
    expect(chip('Favourites 2 entries')).toBeInTheDocument();
  });

  it('the Favourites chip shows only starred entries; unstarring one takes it out of the list', async () => {
    const { user, core } = await renderApp({ before: seedFive });
    await goToVaults(user);
    await screen.findByRole('table', { name: 'Entries of Personal' });
    expect(rowNames('Personal')).toEqual(ALL);
    expect(screen.getByText('5 of 5 entries')).toBeInTheDocument();

    await user.click(chip('Favourites 2 entries'));
    expect(chip('Favourites 2 entries')).toHaveAttribute('aria-pressed', 'true');
    expect(rowNames('Personal')).toEqual(['atfinity staging', 'Pyas EU']);
    expect(screen.getByText('2 of 5 entries')).toBeInTheDocument();

    await user.click(star('Pyas EU'));
    await waitFor(() => expect(rowNames('Personal')).toEqual(['atfinity staging']));
    expect(favoriteInCore(core, 'Pyas EU')).toBe(false);
    expect(screen.getByText('1 of 5 entries')).toBeInTheDocument();
  });

  it('offers one chip per tag, sorted, with counts; one tag narrows the list, two keep entries with both', async () => {
    const { user } = await renderApp({ before: seedFive });
    await goToVaults(user);
    await screen.findByRole('table', { name: 'Entries of Personal' });
    const chipNames = filterBar()
      .getAllByRole('button', { pressed: false })
      .map((button) => button.textContent);
    expect(chipNames).toEqual([
      'Favourites 2 entries',
      'eu 2 entries',
      'prod 3 entries',
      'staging 1 entry',
      'us 1 entry',
    ]);
    const group = screen.getByRole('group', { name: 'Show only' });
    expect(group).toHaveAccessibleDescription('An entry must have every chosen tag');
    expect(filterBar().queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();

    await user.click(chip('prod 3 entries'));
    expect(chip('prod 3 entries')).toHaveAttribute('aria-pressed', 'true');
    expect(rowNames('Personal')).toEqual(['Extracta', 'Pyas EU', 'Pyas US']);
    expect(screen.getByText('3 of 5 entries')).toBeInTheDocument();
    // The AND rule is said visibly once it matters: with two tags pressed.
    expect(screen.getByText('An entry must have every chosen tag')).toHaveClass('visually-hidden');

    await user.click(chip('eu 2 entries'));
    expect(rowNames('Personal')).toEqual(['Pyas EU']);
    expect(screen.getByText('1 of 5 entries')).toBeInTheDocument();
    expect(screen.getByText('An entry must have every chosen tag')).not.toHaveClass('visually-hidden');

    // Pressing a chip again lets it go.
    await user.click(chip('prod 3 entries'));
    expect(rowNames('Personal')).toEqual(['atfinity staging', 'Pyas EU']);
  });

  it('Clear filters lets every chip go and keeps the keyboard in the chips', async () => {
    const { user } = await renderApp({ before: seedFive });
    await goToVaults(user);
    await screen.findByRole('table', { name: 'Entries of Personal' });
    await user.click(chip('Favourites 2 entries'));
    await user.click(chip('eu 2 entries'));
    expect(rowNames('Personal')).toEqual(['atfinity staging', 'Pyas EU']);

    await user.click(chip('Clear filters'));
    expect(rowNames('Personal')).toEqual(ALL);
    expect(screen.getByText('5 of 5 entries')).toBeInTheDocument();
    expect(filterBar().queryAllByRole('button', { pressed: true })).toEqual([]);
    expect(filterBar().queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
    expect(chip('Favourites 2 entries')).toHaveFocus();
  });

  it('with nothing left, the empty state names the filters and its button clears search and filters', async () => {
    const { user } = await renderApp({ before: seedFive });
    await goToVaults(user);
    await screen.findByRole('table', { name: 'Entries of Personal' });
    await user.click(chip('Favourites 2 entries'));
    await user.click(chip('us 1 entry'));
    let none = await screen.findByRole('region', { name: 'No entries match' });
    expect(none).toHaveTextContent('No entry of Personal matches every filter: Favourites and tag us.');
    expect(screen.getByText('0 of 5 entries')).toBeInTheDocument();
    await user.click(within(none).getByRole('button', { name: 'Clear filters' }));
    expect(rowNames('Personal')).toEqual(ALL);

    const search = screen.getByRole('searchbox', { name: 'Search entries' });
    await user.type(search, 'pyas');
    await user.click(chip('staging 1 entry'));
    none = await screen.findByRole('region', { name: 'No entries match' });
    expect(none).toHaveTextContent(
      'No entry of Personal has this text in its name, service, tags, notes or base URL and matches every filter: tag staging.',
    );
    await user.click(within(none).getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(rowNames('Personal')).toEqual(ALL));
    expect(search).toHaveValue('');
    expect(search).toHaveFocus();
    expect(chip('staging 1 entry')).toHaveAttribute('aria-pressed', 'false');
  });

  it('stars an entry while the vault is locked (a metadata change), and the vault stays locked', async () => {
    const { user, core } = await renderApp({
      before: async (core) => {
        await seedFive(core);
        core.vaults.vaults.lockAll();
      },
    });
    await goToVaults(user);
    await waitFor(() => expect(vaultButton('Personal')).toHaveTextContent('Locked'));
    expect(within(rowOf('Personal', 'nexos')).getByRole('button', { name: 'Unlock to show nexos' })).toBeVisible();

    await user.click(star('nexos'));
    await waitFor(() => expect(star('nexos')).toHaveAttribute('aria-pressed', 'true'));
    expect(favoriteInCore(core, 'nexos')).toBe(true);
    expect(personal(core).locked).toBe(true);
    expect(vaultButton('Personal')).toHaveTextContent('Locked');

    await user.click(chip('Favourites 3 entries'));
    expect(rowNames('Personal')).toEqual(['atfinity staging', 'nexos', 'Pyas EU']);
  });

  it('shows a dozen tags, then "+N more", which shows the rest; a chosen tag stays in view when folded', async () => {
    const tags = Array.from({ length: 15 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
    const { user } = await renderApp({
      before: (core) => addEntry(core, personal(core).id, { name: 'Tagged', secret: 'k', tags }).then(),
    });
    await goToVaults(user);
    await screen.findByRole('table', { name: 'Entries of Personal' });
    expect(filterBar().queryByRole('button', { name: 't13 1 entry' })).not.toBeInTheDocument();
    expect(chip('t12 1 entry')).toBeInTheDocument();
    const more = chip('+3 more tags');
    expect(more).toHaveAttribute('aria-expanded', 'false');

    await user.click(more);
    expect(chip('Fewer tags')).toHaveAttribute('aria-expanded', 'true');
    await user.click(chip('t15 1 entry'));
    await user.click(chip('Fewer tags'));
    expect(chip('t15 1 entry')).toHaveAttribute('aria-pressed', 'true');
    expect(filterBar().queryByRole('button', { name: 't13 1 entry' })).not.toBeInTheDocument();
    expect(chip('+2 more tags')).toBeInTheDocument();
  });

  it('says so when a star cannot be saved (the entry was deleted meanwhile)', async () => {
    const { user, core } = await renderApp({ before: seedFive });
    await goToVaults(user);
    await screen.findByRole('table', { name: 'Entries of Personal' });
    const gone = core.vaults.entries.listEntries(personal(core).id).find((e) => e.name === 'nexos')!;
    await core.vaults.entries.deleteEntry(gone.id); // by another window, without telling this one

    await user.click(star('nexos'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Keyhaven could not star nexos');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
