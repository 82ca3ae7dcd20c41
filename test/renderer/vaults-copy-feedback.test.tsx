// Copy's notice stays true and sits beside what was copied (issue 14, item 7): it counts down on the
// entry's row, says "Clipboard cleared" only once main has cleared it, names the header line it
// copied (never the key), and says so when the user's own copy was left alone.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { renderApp } from './support/render-app';
import { addEntry, backToTable, findEntryPage, goToVaults, personal, rowOf } from './support/vaults';

const statuses = () => screen.getAllByRole('status').map((s) => s.textContent);

/** Three entries, one per header scheme a notice names. */
const threeEntries = async (core: Core) => {
  const id = personal(core).id;
  await addEntry(core, id, { name: 'Pyas prod', secret: 'pyas_K1secret', preset: 'pyas' });
  await addEntry(core, id, { name: 'nexos prod', secret: 'nx_K2secret', preset: 'nexos-ai' });
  await addEntry(core, id, {
    name: 'Search API',
    secret: 'q_K3secret',
    preset: 'custom',
    scheme: { kind: 'query', name: 'api_key' },
  });
};

afterEach(() => {
  vi.useRealTimers();
});

describe('Copy feedback on the Vaults screen', { timeout: 20_000 }, () => {
  it('counts down on the copied row, then says "Clipboard cleared" once main has cleared it', async () => {
    const { user, platform } = await renderApp({ before: threeEntries });
    await goToVaults(user);
    // The page's clock and its once-a-second tick are the test's; main's clear is platform.runTimers().
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    await user.click(screen.getByRole('button', { name: 'Copy Pyas prod' }));
    const row = rowOf('Personal', 'Pyas prod');
    expect(await within(row).findByText('Copied · clears in 30 s')).toBeInTheDocument();
    expect(rowOf('Personal', 'nexos prod')).not.toHaveTextContent('Copied');
    expect(statuses()).toContain('Copied the key of Pyas prod. The clipboard will be cleared in 30 s.');

    await act(async () => vi.advanceTimersByTime(3_000));
    expect(within(row).getByText('Copied · clears in 27 s')).toBeInTheDocument();
    // Still counting at 0 until main says it cleared: the notice never claims what has not happened.
    await act(async () => vi.advanceTimersByTime(27_000));
    expect(within(row).getByText('Copied · clearing…')).toBeInTheDocument();
    expect(platform.text).toBe('pyas_K1secret');

    await act(() => platform.runTimers());
    expect(platform.text).toBe('');
    expect(await within(row).findByText('Clipboard cleared')).toBeInTheDocument();
    expect(statuses()).toContain('Clipboard cleared: the key of Pyas prod is no longer on it.');
  });

  it('Copy as header names the header line it copied, with the key masked', async () => {
    const { user, platform } = await renderApp({ before: threeEntries });
    await goToVaults(user);
    for (const [name, line] of [
      ['Pyas prod', 'Copied x-api-key: •••• header · clears in 30 s'],
      ['nexos prod', 'Copied Authorization: Bearer •••• header · clears in 30 s'],
      ['Search API', 'Copied api_key=•••• parameter · clears in 30 s'],
    ] as const) {
      await user.click(screen.getByRole('button', { name: `Copy as header ${name}` }));
      expect(await within(rowOf('Personal', name)).findByText(line)).toBeInTheDocument();
    }
    expect(platform.text).toBe('api_key=q_K3secret');
    expect(statuses()).toContain(
      'Copied the key of Search API as the api_key=•••• parameter. The clipboard will be cleared in 30 s.',
    );
    expect(document.body.textContent).not.toMatch(/K[123]secret/);
  });

  it('a later copy takes over: the earlier row stops counting down', async () => {
    const { user } = await renderApp({ before: threeEntries });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Copy Pyas prod' }));
    await within(rowOf('Personal', 'Pyas prod')).findByText(/^Copied · clears in/);
    await user.click(screen.getByRole('button', { name: 'Copy nexos prod' }));
    await within(rowOf('Personal', 'nexos prod')).findByText(/^Copied · clears in/);
    expect(rowOf('Personal', 'Pyas prod')).not.toHaveTextContent('Copied');
  });

  it('says the clipboard was left alone when the user copied something else meanwhile', async () => {
    const { user, platform } = await renderApp({ before: threeEntries });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Copy Pyas prod' }));
    const row = rowOf('Personal', 'Pyas prod');
    await within(row).findByText(/^Copied · clears in/);
    platform.text = 'something the user copied';
    await act(() => platform.runTimers());
    expect(platform.text).toBe('something the user copied');
    expect(
      await within(row).findByText('Clipboard left as it is: you copied something else since'),
    ).toBeInTheDocument();
    expect(row).not.toHaveTextContent('Clipboard cleared');
  });

  it('on the entry page, the notice sits beside its Copy buttons', async () => {
    const { user, platform } = await renderApp({ before: threeEntries });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Show nexos prod' }));
    const page = within(await findEntryPage('nexos prod'));
    await page.findByLabelText('Key of nexos prod');
    const copyAsHeader = page.getByRole('button', { name: 'Copy as header' });
    await user.click(copyAsHeader);
    const notice = await page.findByText('Copied Authorization: Bearer •••• header · clears in 30 s');
    expect(copyAsHeader.parentElement).toContainElement(notice);
    expect(platform.text).toBe('Authorization: Bearer nx_K2secret');
    await act(() => platform.runTimers());
    expect(await page.findByText('Clipboard cleared')).toBeInTheDocument();
    expect(copyAsHeader.parentElement).toHaveTextContent('Clipboard cleared');
    // Back on the table, the row has no notice of its own.
    await backToTable(user, 'Personal');
    await waitFor(() => expect(rowOf('Personal', 'nexos prod')).not.toHaveTextContent('Clipboard'));
  });
});
