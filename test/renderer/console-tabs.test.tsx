import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { goToConsole, openRequestTab, send, setUrl, startEcho, startSilent, urlField } from './support/console';
import { renderApp } from './support/render-app';
import { addEntry, goToVaults, personal } from './support/vaults';

/**
 * The console's open requests (issue 13, items 1 and 7): tabs that mark unsaved changes, an answer that
 * goes to the tab that asked, nothing of one request left on screen for another, the split's keys.
 */
const tabs = () => within(screen.getByRole('list', { name: 'Open requests' }));
const tabTitles = () =>
  tabs()
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('Console: tabs and stale state (issue 13)', () => {
  it('marks an edited tab, opens history in a new tab then, and sends answers to the tab that asked', async () => {
    const echo = await startEcho();
    const silent = await startSilent();
    const { user } = await renderApp();
    await goToConsole(user);
    expect(tabTitles()).toEqual(['New request']);
    await setUrl(user, `${echo.base}/v1/a`);
    expect(tabTitles()).toEqual(['GET /v1/a●']);
    await send(user);

    // The edited tab stays; the history item opens beside it.
    const history = screen.getByRole('list', { name: 'Requests sent' });
    await user.click(await within(history).findByRole('button', { name: /^GET .*\/v1\/a/ }));
    expect(tabTitles()).toEqual(['GET /v1/a●', 'GET /v1/a']);
    // A request opened is shown without the answer of another.
    expect(screen.getByText('No response yet')).toBeInTheDocument();

    // A slow request in the second tab; its answer lands there even while the first is shown.
    await setUrl(user, `${silent.base}/slow`);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(silent.received).toHaveLength(1));
    await user.click(tabs().getByRole('button', { name: /^GET \/v1\/a/ }));
    expect(urlField()).toHaveValue(`${echo.base}/v1/a`);
    expect(screen.getByRole('region', { name: 'Response' })).toBeInTheDocument();
    await user.click(tabs().getByRole('button', { name: /^GET \/slow/ }));
    expect(screen.getByText('Sending…')).toBeInTheDocument();
    await user.click(tabs().getByRole('button', { name: 'Close GET /slow' }));
    expect(tabTitles()).toEqual(['GET /v1/a●']);
  });

  it('marks an answer as old once the request changes', async () => {
    const echo = await startEcho();
    const { user } = await renderApp();
    await goToConsole(user);
    await setUrl(user, `${echo.base}/v1/a`);
    await send(user);
    expect(screen.queryByText(/Changed since it was sent/)).not.toBeInTheDocument();
    await user.type(urlField(), '?page=2');
    expect(screen.getByText(/Changed since it was sent/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Response' })).toBeInTheDocument();
  });

  it('drops the "Saved as" notice when a curl import loads another request', async () => {
    const { user } = await renderApp();
    await goToConsole(user);
    await setUrl(user, 'https://api.pyas.example/v1/whoami');
    await user.keyboard('{Control>}s{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Save request' });
    await user.type(within(dialog).getByLabelText('Name'), 'Who');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/^Saved as Who in /)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import curl' }));
    const curl = await screen.findByRole('dialog', { name: 'Import curl' });
    await user.click(within(curl).getByRole('textbox'));
    await user.paste('curl https://other.example/v2 -H "X-Trace: 1"');
    await user.click(within(curl).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(urlField()).toHaveValue('https://other.example/v2'));
    expect(screen.queryByText(/^Saved as Who in /)).not.toBeInTheDocument();
  });

  it('Test this key opens a fresh request: not the URL or error of the one before', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        await addEntry(core, personal(core).id, { name: 'Nexos', secret: 'nexos-secret-123', preset: 'nexos-ai' });
      },
    });
    await goToConsole(user);
    await setUrl(user, 'not a url');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('The request was not completed')).toBeInTheDocument();
    await goToVaults(user);
    await user.click(await screen.findByRole('button', { name: 'Test this key Nexos' }));
    await openRequestTab(user, 'Auth');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Entry' })).toHaveDisplayValue('Personal · Nexos'));
    expect(urlField()).not.toHaveValue('not a url');
    expect(screen.queryByText('The request was not completed')).not.toBeInTheDocument();
  });

  it('moves the split with the arrow keys and remembers it', async () => {
    localStorage.removeItem('keyhaven.console.split');
    const { user } = await renderApp();
    await goToConsole(user);
    const separator = screen.getByRole('separator', { name: 'Resize request and response' });
    const before = Number(separator.getAttribute('aria-valuenow'));
    fireEvent.keyDown(separator, { key: 'ArrowRight' });
    expect(Number(separator.getAttribute('aria-valuenow'))).toBe(before + 5);
    fireEvent.keyDown(separator, { key: 'End' });
    expect(separator).toHaveAttribute('aria-valuenow', '75');
    expect(localStorage.getItem('keyhaven.console.split')).toBe('0.75');
  });
});
