import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { maskKey } from '../../shared/console/key-placement';
import { renderApp } from './support/render-app';
import { goToConsole, openRequestTab, placementLine, send, setUrl, startEcho } from './support/console';

const KEY = 'sk_live_pastedKEY0123456789abcdef';

/** The console against an echo server, on Auth → "Type or paste a key". */
async function typedKeyToEcho() {
  const echo = await startEcho();
  const { user } = await renderApp();
  await goToConsole(user);
  await setUrl(user, `${echo.base}/v1/items`);
  await openRequestTab(user, 'Auth');
  await user.click(screen.getByRole('radio', { name: 'Type or paste a key' }));
  return { user, echo };
}

describe('Console: a pasted header line under "Type or paste a key" (issue 13)', () => {
  it('splits "Authorization: Bearer …" into the scheme and the key, and sends exactly that header', async () => {
    const { user, echo } = await typedKeyToEcho();
    expect(screen.getByLabelText('Header scheme')).toHaveValue('x-api-key');
    await user.click(screen.getByLabelText('Key'));
    await user.paste(`Authorization: Bearer ${KEY}`);

    expect(screen.getByLabelText('Key')).toHaveValue(KEY);
    expect(screen.getByLabelText('Header scheme')).toHaveValue('bearer');
    expect(screen.getByText(/^Split what was pasted: the header scheme is now/)).toBeInTheDocument();
    expect(placementLine()).toContain(`Header: Authorization: Bearer ${maskKey(KEY)}`);
    await send(user);
    expect(echo.received.at(-1)?.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(echo.received.at(-1)?.headers['x-api-key']).toBeUndefined();
  });

  it('takes the key header out of a curl -H line, and leaves a bare key as it is', async () => {
    const { user, echo } = await typedKeyToEcho();
    await user.selectOptions(screen.getByLabelText('Header scheme'), 'bearer');
    await user.click(screen.getByLabelText('Key'));
    await user.paste(`curl -H 'Content-Type: application/json' -H "X-API-Key: ${KEY}" https://api.example.com`);
    expect(screen.getByLabelText('Key')).toHaveValue(KEY);
    expect(screen.getByLabelText('Header scheme')).toHaveValue('x-api-key');
    await send(user);
    expect(echo.received.at(-1)?.headers['x-api-key']).toBe(KEY);

    await user.clear(screen.getByLabelText('Key'));
    await user.paste('plain-key-value');
    expect(screen.getByLabelText('Key')).toHaveValue('plain-key-value');
    expect(screen.getByLabelText('Header scheme')).toHaveValue('x-api-key');
    // The notice was about the paste: it does not outlive it.
    expect(screen.queryByText(/^Split what was pasted/)).not.toBeInTheDocument();
  });
});
