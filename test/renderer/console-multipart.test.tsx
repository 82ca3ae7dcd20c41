import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/render-app';
import { multipartFields } from '../support/multipart-fields';
import { goToConsole, openRequestTab, send, setUrl, startEcho, type Received } from './support/console';
import { dialogNamed } from './support/vaults';

/** Multipart form bodies in the console (issue 16): imported from `curl -F`, built by hand, sent for real. */
const partsOf = (received: Received) => multipartFields(received.body ?? '', received.headers['content-type'] ?? '');

const partValues = (column: 'name' | 'value' | 'content type') =>
  within(screen.getByRole('table', { name: 'Parts' }))
    .getAllByRole('textbox', { name: new RegExp(`^Parts \\d+ ${column}$`) })
    .map((el) => (el as HTMLInputElement).value);

describe('Console: multipart forms', () => {
  it('imports curl -F parts with their content types, and sends them as curl would', async () => {
    const echo = await startEcho();
    const { user } = await renderApp();
    await goToConsole(user);
    await user.click(screen.getByRole('button', { name: 'Import curl' }));
    const dialog = dialogNamed('Import curl');
    await user.click(within(dialog).getByLabelText('curl command'));
    await user.paste(
      `curl ${echo.base}/v1/documents -F 'meta={"title":"Q2"};type=application/json' -F "note=Hi; there" --form-string 'at=@home'`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Method')).toHaveValue('POST');

    await openRequestTab(user, 'Body');
    expect(screen.getByLabelText('Body type')).toHaveValue('multipart');
    expect(partValues('name')).toEqual(['meta', 'note', 'at']);
    // curl ends an unquoted -F value at `;`; --form-string takes it literally.
    expect(partValues('value')).toEqual(['{"title":"Q2"}', 'Hi', '@home']);
    expect(partValues('content type')).toEqual(['application/json', '', '']);

    await send(user);
    const received = echo.received[0]!;
    expect(received.headers['content-type']).toMatch(/^multipart\/form-data; boundary=-{24}[0-9a-f]{16}$/);
    expect(await partsOf(received)).toEqual([
      ['meta', '{"title":"Q2"}'],
      ['note', 'Hi'],
      ['at', '@home'],
    ]);
    expect(received.body).toContain('name="meta"\r\nContent-Type: application/json\r\n\r\n');
  });

  it('builds a form by hand: parts added, typed, switched off; the others are sent', async () => {
    const echo = await startEcho();
    const { user } = await renderApp();
    await goToConsole(user);
    await user.selectOptions(screen.getByLabelText('Method'), 'POST');
    await setUrl(user, `${echo.base}/v1/upload`);
    await openRequestTab(user, 'Body');
    await user.selectOptions(screen.getByLabelText('Body type'), 'multipart');
    expect(screen.getByText(/Sent as multipart\/form-data/)).toBeInTheDocument();
    for (const [index, name, value] of [
      [1, 'purpose', 'fine-tune'],
      [2, 'draft', 'yes'],
      [3, 'meta', '{{"n":1}'],
    ] as const) {
      await user.click(screen.getByRole('button', { name: 'Add part' }));
      await user.type(screen.getByRole('textbox', { name: `Parts ${index} name` }), name);
      await user.type(screen.getByRole('textbox', { name: `Parts ${index} value` }), value);
    }
    await user.type(screen.getByRole('textbox', { name: 'Parts 3 content type' }), 'application/json');
    await user.click(screen.getByRole('checkbox', { name: 'Send parts 2' }));
    await send(user);
    const received = echo.received[0]!;
    expect(await partsOf(received)).toEqual([
      ['purpose', 'fine-tune'],
      ['meta', '{"n":1}'],
    ]);
    expect(received.body).toContain('name="meta"\r\nContent-Type: application/json\r\n');
    expect(received.body).not.toContain('name="purpose"\r\nContent-Type');

    // A Content-Type header of another type wins over the form's own: the editor says so.
    expect(screen.queryByText(/is sent instead of multipart\/form-data/)).not.toBeInTheDocument();
    await openRequestTab(user, 'Headers');
    await user.click(screen.getByRole('button', { name: 'Add header' }));
    await user.type(screen.getByRole('textbox', { name: 'Headers 1 name' }), 'Content-Type');
    await user.type(screen.getByRole('textbox', { name: 'Headers 1 value' }), 'application/json');
    await openRequestTab(user, 'Body');
    expect(
      screen.getByText(/The Content-Type header “application\/json” is sent instead of multipart\/form-data/),
    ).toBeInTheDocument();
  });
});
