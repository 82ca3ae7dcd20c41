import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/render-app';
import { goToConsole, openRequestTab, setUrl, startEcho, startSilent, urlField } from './support/console';

describe('Console: keyboard shortcuts (issue 13)', () => {
  it('Ctrl+Enter sends from anywhere in the request, ⌘+Enter too; Ctrl+L focuses the URL', async () => {
    const echo = await startEcho();
    const { user } = await renderApp();
    await goToConsole(user);
    await setUrl(user, `${echo.base}/v1/first`);
    await openRequestTab(user, 'Headers');
    await user.click(screen.getByRole('button', { name: 'Add header' }));
    // In a header's name field, not the URL: Enter alone would not send from here.
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(echo.received.map((r) => r.url)).toEqual(['/v1/first']));
    await screen.findByRole('region', { name: 'Response' });

    await user.keyboard('{Control>}l{/Control}');
    expect(urlField()).toHaveFocus();
    await user.clear(urlField());
    await user.type(urlField(), `${echo.base}/v1/second`);
    await user.keyboard('{Meta>}{Enter}{/Meta}');
    await waitFor(() => expect(echo.received.map((r) => r.url)).toEqual(['/v1/first', '/v1/second']));
  });

  it('Escape cancels a request under way', async () => {
    const silent = await startSilent();
    const { user } = await renderApp();
    await goToConsole(user);
    await setUrl(user, `${silent.base}/slow`);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Sending…')).toBeInTheDocument();
    await waitFor(() => expect(silent.received).toHaveLength(1));
    await user.keyboard('{Escape}');
    expect(await screen.findByText('The request was not completed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeInTheDocument();
  });
});
