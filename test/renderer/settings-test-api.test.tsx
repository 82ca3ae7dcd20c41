import { screen, waitFor, within } from '@testing-library/react';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { useNavigation } from '../../renderer/src/stores/navigation-store';
import type { KeyhavenApi } from '../../shared/ipc/api';
import { gate, renderApp } from './support/render-app';

const OFF = 'The local test API is off.';
const RUNNING = /^The local test API is running on port (\d+)\.$/;
const RANGE = 'Choose a port from 1024 to 65535, or 0 for any free port.';

async function openSettings(
  options: { wrapApi?: (api: KeyhavenApi) => KeyhavenApi; before?: (core: Core) => Promise<void> } = {},
) {
  const rendered = await renderApp(options);
  // The server outlives the window unless stopped: stop it whatever the test did.
  onTestFinished(async () => {
    await rendered.core.testApi.stop();
  });
  await rendered.user.click(
    within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Settings' }),
  );
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Settings');
  const section = screen.getByRole('region', { name: 'Local test API' });
  return { ...rendered, section };
}

/** The section's running/off line (the copy notices are other status lines). */
function stateLine(section: HTMLElement): HTMLElement {
  return within(section).getByText((_, element) => element?.classList.contains('test-api__state') ?? false);
}

async function waitUntilRunning(section: HTMLElement): Promise<string> {
  await waitFor(() => expect(stateLine(section)).toHaveTextContent(RUNNING));
  const baseUrl = (within(section).getByLabelText('Base URL') as HTMLInputElement).value;
  expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  return baseUrl;
}

/** A port held by another server, as when something else already listens there. */
async function occupyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return { port: address.port, server };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));

/** Counts start calls that reach main. */
function countStarts() {
  const start = vi.fn<KeyhavenApi['testApi']['start']>();
  const wrapApi = (api: KeyhavenApi): KeyhavenApi => {
    start.mockImplementation((input) => api.testApi.start(input));
    return { ...api, testApi: { ...api.testApi, start } };
  };
  return { start, wrapApi };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Settings → Local test API', () => {
  it('is off by default; Start on a free port serves the real API at the URL shown; Stop turns it off', async () => {
    const { user, core, section } = await openSettings();
    expect(await within(section).findByText(OFF)).toBeInTheDocument();
    expect(core.testApi.status().running).toBe(false);
    expect(within(section).getByLabelText('Port')).toHaveValue('');
    expect(within(section).queryByLabelText('Base URL')).not.toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Start' }));
    const baseUrl = await waitUntilRunning(section);
    const status = core.testApi.status();
    expect(status).toMatchObject({ running: true, baseUrl });
    expect(stateLine(section)).toHaveTextContent(`The local test API is running on port ${status.port}.`);
    expect(within(section).getByRole('button', { name: 'Stop' })).toHaveFocus();
    expect(within(section).queryByLabelText('Port')).not.toBeInTheDocument();

    // The endpoints, each with a one-line description and a curl line against this URL.
    const endpoints = within(section).getByRole('list', { name: 'Endpoints' });
    expect(within(endpoints).getAllByRole('listitem')).toHaveLength(4);
    expect(endpoints).toHaveTextContent('GET /v1/keyset?app=<prefix>');
    expect(endpoints).toHaveTextContent('GET /v1/whoami');
    expect(endpoints).toHaveTextContent('POST /v1/keys/verify');
    expect(endpoints).toHaveTextContent('GET /v1/scopes/<scope>');
    expect(
      within(endpoints).getByText(`curl -H "Authorization: Bearer $KEY" ${baseUrl}/v1/whoami`),
    ).toBeInTheDocument();
    expect(
      within(endpoints).getByText(`curl -H "X-API-Key: $KEY" ${baseUrl}/v1/scopes/read:items`),
    ).toBeInTheDocument();

    const response = await fetch(`${baseUrl}/v1/whoami`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'MISSING_KEY' });

    await user.click(within(section).getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(stateLine(section)).toHaveTextContent(OFF));
    expect(core.testApi.status().running).toBe(false);
    expect(within(section).queryByLabelText('Base URL')).not.toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Start' })).toHaveFocus();
    await expect(fetch(`${baseUrl}/v1/whoami`)).rejects.toThrow();

    // The port is kept: a blank Port starts it there again, so saved requests to it keep working.
    const port = within(section).getByLabelText('Port');
    expect(port).toHaveAttribute('placeholder', `${status.port}, as last time`);
    expect(port).toHaveAccessibleDescription(expect.stringContaining(`Leave blank for port ${status.port} (kept`));
    await user.click(within(section).getByRole('button', { name: 'Start' }));
    expect(await waitUntilRunning(section)).toBe(baseUrl);
  });

  it('shows progress and disables the button while starting and stopping', async () => {
    let held = gate();
    const { user, section } = await openSettings({
      wrapApi: (api) => ({
        ...api,
        testApi: {
          ...api.testApi,
          start: async (input) => (await held.promise, api.testApi.start(input)),
          stop: async (input) => (await held.promise, api.testApi.stop(input)),
        },
      }),
    });
    await user.click(await within(section).findByRole('button', { name: 'Start' }));
    expect(within(section).getByRole('button', { name: 'Starting…' })).toBeDisabled();
    expect(stateLine(section)).toHaveTextContent('Starting the local test API…');
    held.open();
    await waitUntilRunning(section);

    held = gate();
    await user.click(within(section).getByRole('button', { name: 'Stop' }));
    expect(within(section).getByRole('button', { name: 'Stopping…' })).toBeDisabled();
    expect(stateLine(section)).toHaveTextContent('Stopping the local test API…');
    held.open();
    await waitFor(() => expect(stateLine(section)).toHaveTextContent(OFF));
    expect(within(section).getByRole('button', { name: 'Start' })).toBeEnabled();
  });

  it('shows a server that is already running (started by the harness) with its URL', async () => {
    const { core, section } = await openSettings({
      before: async (core) => {
        await core.testApi.start();
      },
    });
    const baseUrl = await waitUntilRunning(section);
    expect(baseUrl).toBe(core.testApi.status().baseUrl);
  });

  it('says inline when the port is in use, keeps focus on the port and stays off; a free chosen port works', async () => {
    const occupied = await occupyPort();
    onTestFinished(() => close(occupied.server));
    const { user, core, section } = await openSettings();
    const port = await within(section).findByLabelText('Port');
    await user.type(port, String(occupied.port));
    await user.click(within(section).getByRole('button', { name: 'Start' }));

    const message = `Port ${occupied.port} is already in use on 127.0.0.1. Choose another, or 0 for a free one.`;
    expect(await within(section).findByText(message)).toBeInTheDocument();
    expect(port).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(port).toHaveAttribute('aria-invalid', 'true');
    expect(port).toHaveFocus();
    expect(stateLine(section)).toHaveTextContent(OFF);
    expect(core.testApi.status().running).toBe(false);
    expect(within(section).getByRole('button', { name: 'Start' })).toBeEnabled();

    // Once the port is free, the same port starts.
    await close(occupied.server);
    await user.click(within(section).getByRole('button', { name: 'Start' }));
    const baseUrl = await waitUntilRunning(section);
    expect(baseUrl).toBe(`http://127.0.0.1:${occupied.port}`);
    expect(core.testApi.status().port).toBe(occupied.port);
  });

  it.each([
    ['80', RANGE],
    ['70000', RANGE],
    ['-1', RANGE],
    ['abc', 'The port must be a number.'],
    ['1.5', 'The port must be a whole number.'],
  ])('refuses port %s inline without asking main', async (typed, message) => {
    const { start, wrapApi } = countStarts();
    const { user, core, section } = await openSettings({ wrapApi });
    const port = await within(section).findByLabelText('Port');
    await user.type(port, typed);
    await user.tab();
    // Leaving the field already says it.
    expect(within(section).getByText(message)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Start' }));
    expect(port).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(port).toHaveFocus();
    expect(start).not.toHaveBeenCalled();
    expect(stateLine(section)).toHaveTextContent(OFF);
    expect(core.testApi.status().running).toBe(false);
  });

  it('starts on any free port for 0, and on Enter in the port field', async () => {
    const { start, wrapApi } = countStarts();
    const { user, section } = await openSettings({ wrapApi });
    await user.type(await within(section).findByLabelText('Port'), '0{Enter}');
    const baseUrl = await waitUntilRunning(section);
    expect(start).toHaveBeenCalledExactlyOnceWith({ port: 0 });
    expect(Number(new URL(baseUrl).port)).toBeGreaterThan(0);
    // The port field is gone while it runs: focus moves to the button that stops it.
    expect(within(section).getByRole('button', { name: 'Stop' })).toHaveFocus();
  });

  it('Copy selects the base URL and writes it to the clipboard', async () => {
    const { user, section, writeText } = await openSettings();
    await user.click(await within(section).findByRole('button', { name: 'Start' }));
    const baseUrl = await waitUntilRunning(section);
    const field = within(section).getByLabelText<HTMLInputElement>('Base URL');
    expect(field).toHaveAttribute('readonly');
    field.setSelectionRange(0, 0);

    await user.click(within(section).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(baseUrl);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, baseUrl.length]);
    expect(await within(section).findByText('Copied the base URL.')).toBeInTheDocument();
  });

  it('Copy falls back to execCommand, and else leaves the URL selected with what to do', async () => {
    const { user, section, writeText } = await openSettings();
    await user.click(await within(section).findByRole('button', { name: 'Start' }));
    const baseUrl = await waitUntilRunning(section);
    const field = within(section).getByLabelText<HTMLInputElement>('Base URL');
    // Electron's page has no clipboard permission: writeText is refused.
    writeText.mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    let selectedWhenCopied = '';
    const execCommand = vi.fn((command: string) => {
      const active = document.activeElement as HTMLInputElement;
      selectedWhenCopied = active.value.slice(active.selectionStart ?? 0, active.selectionEnd ?? 0);
      return command === 'copy';
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    onTestFinished(() => {
      delete (document as { execCommand?: unknown }).execCommand;
    });

    await user.click(within(section).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(baseUrl);
    expect(execCommand).toHaveBeenCalledExactlyOnceWith('copy');
    expect(selectedWhenCopied).toBe(baseUrl);
    expect(await within(section).findByText('Copied the base URL.')).toBeInTheDocument();

    execCommand.mockReturnValue(false);
    await user.click(within(section).getByRole('button', { name: 'Copy' }));
    expect(
      await within(section).findByText(
        'Keyhaven could not reach the clipboard: the base URL is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
      ),
    ).toBeInTheDocument();
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, baseUrl.length]);
  });

  it('copies a curl example, selecting its text', async () => {
    const { user, section, writeText } = await openSettings();
    await user.click(await within(section).findByRole('button', { name: 'Start' }));
    const baseUrl = await waitUntilRunning(section);
    await user.click(within(section).getByRole('button', { name: 'Copy the example for GET /v1/whoami' }));
    const line = `curl -H "Authorization: Bearer $KEY" ${baseUrl}/v1/whoami`;
    expect(writeText).toHaveBeenCalledExactlyOnceWith(line);
    expect(window.getSelection()?.toString()).toBe(line);
    expect(await within(section).findByText('Copied the example for GET /v1/whoami.')).toBeInTheDocument();
  });

  it('opens the console from the running section', async () => {
    const { user, section } = await openSettings();
    await user.click(await within(section).findByRole('button', { name: 'Start' }));
    await waitUntilRunning(section);
    await user.click(within(section).getByRole('button', { name: 'Open the console with the local test API' }));
    expect(useNavigation.getState().route).toEqual({ screen: 'console', entryId: null });
  });

  it('points to the Vaults screen for vault lock settings', async () => {
    const { user } = await openSettings();
    await user.click(
      within(screen.getByRole('region', { name: 'Vault locking' })).getByRole('button', { name: 'Go to Vaults' }),
    );
    expect(useNavigation.getState().route).toEqual({ screen: 'vaults', vaultId: null });
  });
});
