import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { maskKey } from '../../shared/console/key-placement';
import { INCLUDE_KEY_WARNING } from '../../shared/console/key-placement';
import { renderApp } from './support/render-app';
import {
  chooseEntry,
  goToConsole,
  openSnippets,
  openRequestTab,
  placementLine,
  responseBodyText,
  responseRegion,
  send,
  setUrl,
  startEcho,
  urlField,
  useTypedKey,
} from './support/console';
import { addEntry, dialogNamed, personal } from './support/vaults';

const TYPED = 'sk_live_typedKEY0123456789abcdef';
const SECRET = 'pyas_vaultSECRETvalue0123456789';

describe('Console: the response', () => {
  it('pretty-prints JSON and searches it, counting and marking matches', async () => {
    const echo = await startEcho();
    const { user } = await renderApp();
    await goToConsole(user);
    await setUrl(user, `${echo.base}/v1/items?q=1`);
    await send(user);
    const body = responseBodyText();
    // The echo answered compact JSON; the page shows it indented by two spaces.
    expect(body).toContain('{\n  "method": "GET",\n  "url": "/v1/items?q=1",\n  "headers": {');
    const search = within(responseRegion()).getByRole('searchbox');
    await user.type(search, 'items');
    expect(within(responseRegion()).getByText('1 match')).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, '"');
    const count = (body.match(/"/g) ?? []).length;
    expect(within(responseRegion()).getByText(`${count} matches`)).toBeInTheDocument();
    expect(responseRegion().querySelectorAll('mark')).toHaveLength(count);
    await user.click(within(responseRegion()).getByRole('tab', { name: 'Headers' }));
    expect(within(responseRegion()).getByRole('rowheader', { name: 'content-type' })).toBeInTheDocument();
  });

  it('shows markup as text, never as HTML', async () => {
    const echo = await startEcho();
    const { user } = await renderApp();
    await goToConsole(user);
    await setUrl(user, `${echo.base}/html`);
    await send(user);
    expect(responseBodyText()).toBe('<h1 id="injected">Hello</h1><img src="x" onerror="alert(1)">');
    expect(document.getElementById('injected')).toBeNull();
    expect(responseRegion().querySelector('img')).toBeNull();
  });

  it('draws a long body in virtualised lines, and search still counts every line', async () => {
    const echo = await startEcho();
    const { user } = await renderApp();
    await goToConsole(user);
    await setUrl(user, `${echo.base}/lines/5000`);
    await send(user);
    const drawn = within(responseRegion()).getByLabelText('Response body').querySelectorAll('[data-line]');
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(200);
    await user.type(within(responseRegion()).getByRole('searchbox'), 'line 4999');
    expect(within(responseRegion()).getByText('1 match')).toBeInTheDocument();
    await user.clear(within(responseRegion()).getByRole('searchbox'));
    await user.type(within(responseRegion()).getByRole('searchbox'), 'line');
    expect(within(responseRegion()).getByText('5000 matches')).toBeInTheDocument();
  });
});

describe('Console: editing', () => {
  it('imports a curl command into the editor, with the key masked under Auth', async () => {
    const { user } = await renderApp();
    await goToConsole(user);
    await user.click(screen.getByRole('button', { name: 'Import curl' }));
    const dialog = dialogNamed('Import curl');
    await user.click(within(dialog).getByLabelText('curl command'));
    await user.paste('wget https://example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(within(dialog).getByText(/This is not a curl command/)).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText('curl command'));
    await user.paste(
      `curl -s -X POST 'https://api.example.com/v1/items?page=2' -H 'Authorization: Bearer ${TYPED}' -H 'Accept: application/json' --json '{"a":1}'`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('Imported from curl')).toBeInTheDocument();
    expect(screen.getByLabelText('Method')).toHaveValue('POST');
    // The query stays in the URL as typed (issue 16: its bytes are what curl sends).
    expect(urlField().value).toBe('https://api.example.com/v1/items?page=2');

    await openRequestTab(user, 'Headers');
    const headers = screen.getByRole('table', { name: 'Headers' });
    const names = within(headers)
      .getAllByRole('textbox', { name: /name$/ })
      .map((el) => (el as HTMLInputElement).value);
    expect(names).toContain('Accept');
    expect(names.map((n) => n.toLowerCase())).not.toContain('authorization');

    await openRequestTab(user, 'Body');
    expect(screen.getByLabelText('Body type')).toHaveValue('json');
    expect(screen.getByLabelText('JSON body')).toHaveValue('{"a":1}');

    await openRequestTab(user, 'Auth');
    expect(screen.getByRole('radio', { name: 'Type or paste a key' })).toBeChecked();
    expect(screen.getByLabelText('Header scheme')).toHaveValue('bearer');
    expect(screen.getByLabelText('Key')).toHaveAttribute('type', 'password');
    expect(placementLine()).toContain(`Header: Authorization: Bearer ${maskKey(TYPED)}`);
    expect(document.body.textContent).not.toContain(TYPED);
  });

  it('edits headers as a table or as raw lines, both ways', async () => {
    const echo = await startEcho();
    const { user } = await renderApp();
    await goToConsole(user);
    await setUrl(user, `${echo.base}/v1/raw`);
    await openRequestTab(user, 'Headers');
    await user.click(screen.getByRole('button', { name: 'Add header' }));
    await user.type(screen.getByRole('textbox', { name: 'Headers 1 name' }), 'X-One');
    await user.type(screen.getByRole('textbox', { name: 'Headers 1 value' }), 'first');
    await user.click(screen.getByRole('checkbox', { name: 'Raw' }));
    const raw = screen.getByLabelText('Headers as text');
    expect(raw).toHaveValue('X-One: first');
    await user.type(raw, '{Enter}# X-Off: skipped{Enter}X-Two: second');
    await user.click(screen.getByRole('checkbox', { name: 'Raw' }));
    const values = screen
      .getAllByRole('textbox', { name: /^Headers \d value$/ })
      .map((el) => (el as HTMLInputElement).value);
    expect(values).toEqual(['first', 'skipped', 'second']);
    expect(screen.getByRole('checkbox', { name: 'Send headers 2' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Raw' }));
    expect(screen.getByLabelText('Headers as text')).toHaveValue('X-One: first\n# X-Off: skipped\nX-Two: second');
    await send(user);
    expect(echo.received[0]!.headers['x-one']).toBe('first');
    expect(echo.received[0]!.headers['x-two']).toBe('second');
    expect(echo.received[0]!.headers['x-off']).toBeUndefined();
  });

  it('warns about invalid JSON but still sends it', async () => {
    const echo = await startEcho();
    const { user } = await renderApp();
    await goToConsole(user);
    await user.selectOptions(screen.getByLabelText('Method'), 'POST');
    await setUrl(user, `${echo.base}/v1/items`);
    await openRequestTab(user, 'Body');
    await user.selectOptions(screen.getByLabelText('Body type'), 'json');
    await user.click(screen.getByLabelText('JSON body'));
    await user.paste('{"a":');
    expect(screen.getByText(/This is not valid JSON/)).toBeInTheDocument();
    await send(user);
    expect(echo.received[0]!.method).toBe('POST');
    expect(echo.received[0]!.headers['content-type']).toBe('application/json');
  });
});

describe('Console: snippets', () => {
  it("references the entry's key as an environment variable, and includes it only when ticked", async () => {
    const { user, writeText } = await renderApp({
      before: async (core) => {
        await addEntry(core, personal(core).id, { name: 'Pyas prod', secret: SECRET, preset: 'pyas' });
      },
    });
    await goToConsole(user);
    await setUrl(user, 'https://api.pyas.example/v1/whoami');
    await openRequestTab(user, 'Auth');
    await user.click(screen.getByRole('radio', { name: 'Vault entry' }));
    await chooseEntry(user, 'Personal · Pyas prod');
    await openSnippets(user);

    const code = () => screen.getByLabelText('Snippet') as HTMLTextAreaElement;
    await waitFor(() => expect(code().value).toContain('$PYAS_API_KEY'));
    expect(code().value).toContain('curl');
    expect(code().value).not.toContain(SECRET);
    expect(screen.queryByText(INCLUDE_KEY_WARNING)).not.toBeInTheDocument();

    await user.click(
      within(screen.getByRole('tablist', { name: 'Snippet language' })).getByRole('tab', { name: 'Python' }),
    );
    await waitFor(() => expect(code().value).toContain('os.environ["PYAS_API_KEY"]'));

    await user.click(screen.getByRole('checkbox', { name: 'Include the key' }));
    expect(screen.getByText(INCLUDE_KEY_WARNING)).toBeInTheDocument();
    await waitFor(() => expect(code().value).toContain(SECRET));
    expect(code().value).not.toContain('PYAS_API_KEY');

    await user.click(screen.getByRole('checkbox', { name: 'Include the key' }));
    await waitFor(() => expect(code().value).not.toContain(SECRET));
    await user.click(screen.getByRole('button', { name: 'Copy snippet' }));
    expect(code().selectionStart).toBe(0);
    expect(code().selectionEnd).toBe(code().value.length);
    expect(writeText).toHaveBeenLastCalledWith(code().value);
    expect(await screen.findByText('Copied.')).toBeInTheDocument();
  });
});

describe('Console: history and collections', () => {
  it('lists a sent request under Today, re-opens it, and keeps no typed key', async () => {
    const echo = await startEcho();
    const { user, core } = await renderApp();
    await goToConsole(user);
    await setUrl(user, `${echo.base}/v1/first`);
    await useTypedKey(user, TYPED, 'X-API-Key');
    await send(user);
    await setUrl(user, `${echo.base}/v1/second`);
    await send(user);

    const history = screen.getByRole('region', { name: 'History' });
    const list = within(history).getByRole('list', { name: 'Requests sent' });
    const opens = () => within(list).getAllByRole('button', { name: /^GET / });
    await waitFor(() => expect(within(list).queryAllByRole('button', { name: /^GET / })).toHaveLength(2));
    expect(opens().map((b) => b.title)).toEqual([`GET ${echo.base}/v1/second`, `GET ${echo.base}/v1/first`]);
    expect(within(history).getByText('Today')).toBeInTheDocument();
    expect(within(list).getAllByText(/^200 · \d+ ms$/)).toHaveLength(2);
    expect(JSON.stringify(core.console.history.list())).not.toContain(TYPED);

    // The edited request keeps its tab (it has unsaved changes); the history item opens in a new one.
    await user.click(opens()[1]!);
    await waitFor(() => expect(urlField()).toHaveValue(`${echo.base}/v1/first`));
    await openRequestTab(user, 'Auth');
    // The scheme came back; the key did not (history never had it).
    expect(screen.getByLabelText('Header scheme')).toHaveValue('x-api-key');
    expect(screen.getByLabelText('Key')).toHaveValue('');

    await user.click(within(list).getByRole('button', { name: `Delete GET ${echo.base}/v1/second from history` }));
    await waitFor(() => expect(opens()).toHaveLength(1));

    await user.click(within(history).getByRole('button', { name: 'Clear' }));
    await user.click(within(dialogNamed('Clear history')).getByRole('button', { name: 'Clear history' }));
    expect(await within(history).findByText('Requests you send appear here, without any key.')).toBeInTheDocument();
    expect(core.console.history.list()).toHaveLength(0);
  });

  it('Save as puts a request in its service’s collection; the tree opens, renames and deletes it', async () => {
    const { user, core } = await renderApp();
    await goToConsole(user);
    await setUrl(user, 'https://api.pyas.example/v1/whoami');
    await useTypedKey(user, TYPED, 'Bearer');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = dialogNamed('Save request');
    await user.type(within(dialog).getByLabelText('Name'), 'Who am I');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('Saved as Who am I in api.pyas.example.')).toHaveAttribute('role', 'status');
    expect(JSON.stringify(core.console.collections.view())).not.toContain(TYPED);

    const tree = screen.getByRole('list', { name: 'Collections' });
    const folder = await within(tree).findByRole('list', { name: 'api.pyas.example' });
    const open = within(folder).getByRole('button', { name: 'GET Who am I' });
    expect(open).toHaveAttribute('aria-current', 'true');

    await user.click(within(folder).getByRole('button', { name: 'Rename Who am I' }));
    const rename = dialogNamed('Rename Who am I');
    await user.clear(within(rename).getByLabelText('Name'));
    await user.type(within(rename).getByLabelText('Name'), 'Identity');
    await user.click(within(rename).getByRole('button', { name: 'Rename' }));
    expect(await within(folder).findByRole('button', { name: 'GET Identity' })).toBeInTheDocument();
    expect(core.console.collections.view().saved.map((s) => s.name)).toEqual(['Identity']);

    await user.click(within(folder).getByRole('button', { name: 'Delete Identity' }));
    await user.click(within(dialogNamed('Delete Identity')).getByRole('button', { name: 'Delete' }));
    expect(await within(folder).findByText('Empty')).toBeInTheDocument();
    expect(core.console.collections.view().saved).toHaveLength(0);
  });
});
