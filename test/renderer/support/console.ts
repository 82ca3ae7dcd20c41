import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect, onTestFinished } from 'vitest';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The request body as UTF-8, once it has been read (the echo answers without it). */
  body?: string;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  base: string;
  received: Received[];
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * An echo server: answers `{ method, url, headers }` as compact JSON. `/html` answers markup (to check it
 * is shown as text), `/lines/<n>` answers n numbered lines of text.
 */
export async function startEcho(): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const got = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    const entry: Received = { ...got };
    received.push(entry);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      entry.body = Buffer.concat(chunks).toString('utf8');
      const lines = /^\/lines\/(\d+)/.exec(got.url);
      if (got.url.startsWith('/html')) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<h1 id="injected">Hello</h1><img src="x" onerror="alert(1)">');
      } else if (lines) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(Array.from({ length: Number(lines[1]) }, (_, i) => `line ${i + 1}`).join('\n'));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(got));
      }
    });
  });
  return { base: await listen(server), received };
}

/** A server that takes requests and never answers them. */
export async function startSilent(): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((req) => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
  });
  return { base: await listen(server), received };
}

export async function goToConsole(user: UserEvent): Promise<void> {
  await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Console' }));
  await screen.findByRole('heading', { level: 1, name: 'Console' });
}

export const urlField = () => screen.getByLabelText('URL') as HTMLInputElement;

export async function setUrl(user: UserEvent, url: string): Promise<void> {
  await user.clear(urlField());
  await user.click(urlField());
  await user.paste(url);
}

export async function openRequestTab(user: UserEvent, name: 'Params' | 'Headers' | 'Body' | 'Auth'): Promise<void> {
  await user.click(within(screen.getByRole('tablist', { name: 'Request parts' })).getByRole('tab', { name }));
}

/** Auth tab → Type or paste a key, the scheme (and its name), the key pasted. */
export async function useTypedKey(
  user: UserEvent,
  key: string,
  scheme: string,
  schemeName?: { label: 'Header name' | 'Parameter name'; value: string },
): Promise<void> {
  await openRequestTab(user, 'Auth');
  await user.click(screen.getByRole('radio', { name: 'Type or paste a key' }));
  await user.selectOptions(screen.getByLabelText('Header scheme'), scheme);
  if (schemeName) await user.type(screen.getByLabelText(schemeName.label), schemeName.value);
  await user.click(screen.getByLabelText('Key'));
  await user.paste(key);
}

/** Clicks Send and waits for the response (or the failure banner). */
export async function send(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => {
    expect(screen.queryByRole('button', { name: 'Send' })).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Response' }) ?? screen.queryByText('The request was not completed'),
    ).toBeInTheDocument();
  });
}

export const responseRegion = () => screen.getByRole('region', { name: 'Response' });
export const responseBodyText = () => within(responseRegion()).getByLabelText('Response body').textContent ?? '';
export const placementLine = () => screen.getByLabelText('Where the key will go').textContent ?? '';

/** The JSON the echo server answered, read back from the response body as shown. */
export function echoedFromScreen(): Received {
  return JSON.parse(responseBodyText()) as Received;
}

/** The Code tab beside the response (snippets). */
export async function openSnippets(user: UserEvent): Promise<void> {
  await user.click(
    within(screen.getByRole('tablist', { name: 'Response and code' })).getByRole('tab', { name: 'Code' }),
  );
}

/** Chooses a vault entry in the console's Entry combobox as a user does: types part of its name, clicks it. */
export async function chooseEntry(user: UserEvent, label: string): Promise<void> {
  const field = screen.getByRole('combobox', { name: 'Entry' });
  await user.clear(field);
  await user.type(field, label.split(' · ')[1]!.replace(' (locked)', ''));
  await user.click(await screen.findByRole('option', { name: label }));
  await waitFor(() => expect(field).toHaveValue(label));
}
