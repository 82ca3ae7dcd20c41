import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { maskKey, QUERY_KEY_WARNING } from '../../shared/console/key-placement';
import { consoleRequestSchema } from '../../shared/console/request';
import { generate } from './support/keys';
import { renderApp } from './support/render-app';
import {
  chooseEntry,
  echoedFromScreen,
  goToConsole,
  openRequestTab,
  placementLine,
  responseBodyText,
  responseRegion,
  send,
  setUrl,
  startEcho,
  startSilent,
  urlField,
  useTypedKey,
} from './support/console';
import { addEntry, goToVaults, personal } from './support/vaults';

const TYPED = 'pyas_n58lzybiQe7tWm2rVx4kP9';
const SECRET = 'pyas_vaultSECRETvalue0123456789';
const MASKED = maskKey(TYPED);

describe('Console: sending a typed key', () => {
  it.each([
    { scheme: 'X-API-Key', header: 'x-api-key', value: TYPED, line: `Header: x-api-key: ${MASKED}` },
    {
      scheme: 'Api-Key',
      header: 'authorization',
      value: `Api-Key ${TYPED}`,
      line: `Header: Authorization: Api-Key ${MASKED}`,
    },
    {
      scheme: 'Bearer',
      header: 'authorization',
      value: `Bearer ${TYPED}`,
      line: `Header: Authorization: Bearer ${MASKED}`,
    },
  ])(
    'sends $scheme as the header that arrives, and shows where it goes masked',
    async ({ scheme, header, value, line }) => {
      const echo = await startEcho();
      const { user } = await renderApp();
      await goToConsole(user);
      await setUrl(user, `${echo.base}/v1/items`);
      await useTypedKey(user, TYPED, scheme);
      expect(placementLine()).toContain(line);
      expect(placementLine()).not.toContain(TYPED);

      await send(user);
      expect(echo.received).toHaveLength(1);
      expect(echo.received[0]!.headers[header]).toBe(value);
      // The echo answers what arrived: the body on screen shows the same header.
      expect(echoedFromScreen().headers[header]).toBe(value);
      expect(within(responseRegion()).getByLabelText('Status')).toHaveTextContent('200 OK');
    },
  );

  it('sends a custom header under its name', async () => {
    const echo = await startEcho();
    const { user } = await renderApp();
    await goToConsole(user);
    await setUrl(user, `${echo.base}/v1/items`);
    await useTypedKey(user, TYPED, 'Custom header', { label: 'Header name', value: 'X-Token' });
    expect(placementLine()).toContain(`Header: X-Token: ${MASKED}`);
    await send(user);
    expect(echo.received[0]!.headers['x-token']).toBe(TYPED);
    expect(echo.received[0]!.headers['x-api-key']).toBeUndefined();
  });

  it('sends a query parameter key in the URL, with the warning about logs', async () => {
    const echo = await startEcho();
    const { user } = await renderApp();
    await goToConsole(user);
    await setUrl(user, `${echo.base}/v1/items?page=2`);
    await useTypedKey(user, TYPED, 'Query parameter', { label: 'Parameter name', value: 'api_key' });
    expect(placementLine()).toContain(`Query parameter: ?api_key=${MASKED}`);
    expect(screen.getByText(QUERY_KEY_WARNING)).toBeInTheDocument();
    await send(user);
    expect(echo.received[0]!.url).toBe(`/v1/items?page=2&api_key=${TYPED}`);
    expect(echo.received[0]!.headers.authorization).toBeUndefined();
  });
});

describe('Console: a vault entry', () => {
  it("sends the entry's key from main with its own scheme; the page never holds the key", async () => {
    const echo = await startEcho();
    const { user } = await renderApp({
      before: async (core) => {
        await addEntry(core, personal(core).id, {
          name: 'Pyas prod',
          secret: SECRET,
          preset: 'pyas',
          baseUrl: 'https://api.pyas.example/v1',
        });
      },
    });
    await goToConsole(user);
    await openRequestTab(user, 'Auth');
    await user.click(screen.getByRole('radio', { name: 'Vault entry' }));
    await chooseEntry(user, 'Personal · Pyas prod');
    // The entry brings its scheme and, with no URL typed yet, its base URL.
    expect(screen.getByLabelText('Header scheme')).toHaveValue('x-api-key');
    expect(urlField()).toHaveValue('https://api.pyas.example/v1');
    expect(placementLine()).toContain('Header: x-api-key: •••••••• (from the vault)');

    await setUrl(user, `${echo.base}/v1/whoami`);
    await send(user);
    expect(echo.received[0]!.headers['x-api-key']).toBe(SECRET);
    // The echo sent the key back; main masked it, so it is nowhere in the page.
    expect(screen.getByText(/The response contained the vault entry's key/)).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it("refuses to send an entry's key outside its allowed hosts, with main's message", async () => {
    const echo = await startEcho();
    const { user } = await renderApp({
      before: async (core) => {
        await addEntry(core, personal(core).id, {
          name: 'Pyas prod',
          secret: SECRET,
          preset: 'pyas',
          allowedHosts: ['api.pyas.example'],
        });
      },
    });
    await goToConsole(user);
    await setUrl(user, `${echo.base}/v1/whoami`);
    await openRequestTab(user, 'Auth');
    await user.click(screen.getByRole('radio', { name: 'Vault entry' }));
    await chooseEntry(user, 'Personal · Pyas prod');
    await send(user);
    expect(screen.getByText(/is not one of this entry's allowed hosts, so its key was not sent/)).toBeInTheDocument();
    expect(echo.received).toHaveLength(0);
  });

  it('says to unlock the vault when its entry is chosen while locked', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        await addEntry(core, personal(core).id, { name: 'Pyas prod', secret: SECRET, preset: 'pyas' });
        await core.vaults.vaults.lock(personal(core).id);
      },
    });
    await goToConsole(user);
    await openRequestTab(user, 'Auth');
    await user.click(screen.getByRole('radio', { name: 'Vault entry' }));
    await chooseEntry(user, 'Personal · Pyas prod (locked)');
    expect(screen.getByText('Unlock the vault to send its key.')).toBeInTheDocument();
  });

  it('Test this key opens the console with the entry and its base URL', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        await addEntry(core, personal(core).id, {
          name: 'Nexos',
          secret: SECRET,
          preset: 'nexos-ai',
          baseUrl: 'https://api.nexos.example/v1',
        });
      },
    });
    await goToVaults(user);
    await user.click(await screen.findByRole('button', { name: 'Test this key Nexos' }));
    await screen.findByRole('heading', { level: 1, name: 'Console' });
    await waitFor(() => expect(urlField()).toHaveValue('https://api.nexos.example/v1'));
    await openRequestTab(user, 'Auth');
    expect(screen.getByRole('radio', { name: 'Vault entry' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Entry' })).toHaveDisplayValue('Personal · Nexos');
    expect(screen.getByLabelText('Header scheme')).toHaveValue('bearer');
  });

  it('Test this key offers the requests saved for that key, one click each', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        const entry = await addEntry(core, personal(core).id, { name: 'Nexos', secret: SECRET, preset: 'nexos-ai' });
        const other = await addEntry(core, personal(core).id, { name: 'Other', secret: 'other-key', preset: 'pyas' });
        const saved = (url: string, entryId: string) => ({
          method: 'POST' as const,
          url,
          auth: { kind: 'entry' as const, entryId, scheme: { kind: 'bearer' as const } },
        });
        await core.console.saveRequest({
          name: 'List models',
          request: consoleRequestSchema.parse(saved('https://api.nexos.example/v1/models', entry.id)),
        });
        await core.console.saveRequest({
          name: 'Not this key',
          request: consoleRequestSchema.parse(saved('https://other.example/', other.id)),
        });
      },
    });
    await goToVaults(user);
    await user.click(await screen.findByRole('button', { name: 'Test this key Nexos' }));
    const offer = await screen.findByRole('region', { name: 'Quick tests for this key' });
    expect(within(offer).queryByRole('button', { name: 'Not this key' })).not.toBeInTheDocument();
    await user.click(within(offer).getByRole('button', { name: 'List models' }));
    await waitFor(() => expect(urlField()).toHaveValue('https://api.nexos.example/v1/models'));
    expect(screen.getByLabelText('Method')).toHaveValue('POST');
  });
});

describe('Console: the local test API', () => {
  it('offers it as a one-click target and answers whoami with 200 for an issued key', async () => {
    let plaintext = '';
    let keyId = '';
    const { user } = await renderApp({
      before: async (core) => {
        const app = await core.apps.create({ name: 'Pyas' });
        const generated = await generate(core, app.id);
        plaintext = generated.plaintext;
        keyId = generated.key.keyId;
        await core.testApi.start(0);
      },
    });
    await goToConsole(user);
    await user.click(await screen.findByRole('button', { name: 'Use the local test API' }));
    expect(urlField().value).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/whoami$/);
    await useTypedKey(user, plaintext, 'Bearer');
    await send(user);
    expect(within(responseRegion()).getByLabelText('Status')).toHaveTextContent('200 OK');
    expect(responseBodyText()).toContain('"app": "Pyas"');
    expect(responseBodyText()).toContain(keyId);
  });

  it('says where to start it when it is not running', async () => {
    const { user } = await renderApp();
    await goToConsole(user);
    const off = await screen.findByRole('button', { name: 'Test API is off' });
    expect(off).toHaveAttribute('title', 'Start it in Settings → Local test API');
    await user.click(off);
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Use the local test API' })).not.toBeInTheDocument();
  });
});

describe('Console: progress, Cancel and errors', () => {
  it('shows progress and cancels a request that gets no answer', async () => {
    const silent = await startSilent();
    const { user, core } = await renderApp();
    await goToConsole(user);
    await setUrl(user, `${silent.base}/slow`);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Sending…')).toBeInTheDocument();
    await waitFor(() => expect(silent.received).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('The request was not completed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeInTheDocument();
    expect(screen.queryByText('Sending…')).not.toBeInTheDocument();
    await core.console.history.settled();
    const [item] = core.console.history.list();
    expect(item?.outcome.kind).toBe('error');
    if (item?.outcome.kind === 'error') expect(screen.getByText(item.outcome.message)).toBeInTheDocument();
  });

  it('applies the timeout and the response cap set under the request', async () => {
    const silent = await startSilent();
    const echo = await startEcho();
    const { user } = await renderApp();
    await goToConsole(user);
    const timeout = screen.getByLabelText('Timeout (s)');
    expect(timeout).toHaveValue(30);
    await user.clear(timeout);
    await user.type(timeout, '1');
    expect(timeout).toHaveValue(1);
    await setUrl(user, `${silent.base}/slow`);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const banner = await screen.findByText('The request was not completed', {}, { timeout: 5_000 });
    expect(banner.closest('[role="alert"]')).toHaveTextContent('No complete response within 1 s');

    const cap = screen.getByLabelText('Response cap (MB)');
    expect(cap).toHaveValue(10);
    await user.clear(cap);
    await user.type(cap, '500'); // over the 100 MB limit: marked, not applied
    expect(cap).toHaveAttribute('aria-invalid', 'true');
    await user.tab();
    expect(cap).toHaveValue(50); // the last valid value typed ("50") is the one in effect
    await setUrl(user, `${echo.base}/ok`);
    await send(user);
    expect(echo.received).toHaveLength(1);
  });

  it('shows main’s message for an invalid URL', async () => {
    const { user } = await renderApp();
    await goToConsole(user);
    await setUrl(user, 'ftp://example.com/file');
    await send(user);
    const banner = screen.getByText('The request was not completed').closest<HTMLElement>('[role="alert"]')!;
    expect(banner).toHaveTextContent('The URL must start with https:// or http://.');
  });
});
