import { describe, expect, it } from 'vitest';
import { screenshot, screenshotBothSizes } from './support/browser';
import { startRecordingServer } from './support/console-servers';
import { goToConsole, openRequestTab, sendForResponse, urlField } from './support/console-steps';
import { useE2E } from './support/e2e';

/**
 * Import curl in Chromium (issue 16): a command the console cannot send as curl would is refused in
 * the dialog, naming the option; a paste from docs with a comment, extra commands and options that
 * change nothing imports the first command, lists what was left out, and sends the exact bytes.
 */
describe('Import curl', { timeout: 120_000 }, () => {
  const e2e = useE2E();

  /** A fresh app on the console with the Import curl dialog open, and a server to send to. */
  async function openImportDialog() {
    const harness = await e2e.startHarness();
    const { page } = await e2e.open(harness);
    const echo = await startRecordingServer();
    await goToConsole(page);
    await page.getByRole('button', { name: 'Import curl', exact: true }).click();
    return { page, echo, dialog: page.getByRole('dialog', { name: 'Import curl' }) };
  }

  it('refuses with the reason, or imports one command with notes and sends it as curl would', async () => {
    const { page, echo, dialog } = await openImportDialog();
    const field = dialog.getByLabel('curl command');
    await field.fill(`curl -T report.csv -H 'x-api-key: sk_test_not_sent' ${echo.base}/v1/upload`);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('-T (--upload-file): it uploads a file').waitFor();
    await screenshot(page, '370-curl-import-refused');
    await page.setViewportSize({ width: 1024, height: 640 });
    await screenshot(page, '370-curl-import-refused-1024');
    await page.setViewportSize({ width: 1280, height: 800 });

    await field.fill(
      [
        '# Search the catalogue (from the docs)',
        `curl -sS -G '${echo.base}/v1/search?lang=en' \\`,
        `  --data-urlencode 'q=c++ & rust' \\`,
        `  -H 'Accept: application/json' --compressed`,
        `curl ${echo.base}/v1/other`,
      ].join('\n'),
    );
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const notes = page.getByRole('status').filter({ hasText: 'Imported from curl' });
    await notes.getByText('This paste holds 2 curl commands').waitFor();
    await notes.getByText('Comment lines before the command were skipped.').waitFor();
    expect(await urlField(page).inputValue()).toBe(`${echo.base}/v1/search?lang=en&q=c%2b%2b+%26+rust`);
    await screenshot(page, '371-curl-import-notes');
    await page.setViewportSize({ width: 1024, height: 640 });
    await screenshot(page, '371-curl-import-notes-1024');
    await page.setViewportSize({ width: 1280, height: 800 });

    const answer = await sendForResponse(page);
    expect(answer.status).toBe('200 OK');
    expect(echo.received).toHaveLength(1);
    expect(echo.received[0]).toMatchObject({ method: 'GET', url: '/v1/search?lang=en&q=c%2b%2b+%26+rust' });
    expect(echo.received[0]?.headers).toMatchObject({
      accept: 'application/json',
      'accept-encoding': 'deflate, gzip, br, zstd',
    });
  });

  it('imports a curl -F form as a multipart body, parts and content types shown, and sends it as curl would', async () => {
    const { page, echo, dialog } = await openImportDialog();
    await dialog
      .getByLabel('curl command')
      .fill(
        `curl ${echo.base}/v1/documents -H 'x-api-key: sk_test_multipart_0123' -F 'meta={"title":"Q2 report"};type=application/json' -F 'tags=finance' --form-string 'note=@team; see attached'`,
      );
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await openRequestTab(page, 'Body');
    const parts = page.getByRole('table', { name: 'Parts' });
    expect(await parts.getByRole('textbox', { name: 'Parts 1 content type' }).inputValue()).toBe('application/json');
    expect(await parts.getByRole('textbox', { name: 'Parts 3 value' }).inputValue()).toBe('@team; see attached');
    await screenshotBothSizes(page, '372-console-multipart-body');

    const answer = await sendForResponse(page);
    expect(answer.status).toBe('200 OK');
    const received = echo.received[0]!;
    expect(received.headers['x-api-key']).toBe('sk_test_multipart_0123');
    const boundary = /^multipart\/form-data; boundary=(-{24}[0-9a-f]{16})$/.exec(
      received.headers['content-type'] ?? '',
    )?.[1];
    expect(boundary).toBeDefined();
    expect(received.body).toBe(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="meta"',
        'Content-Type: application/json',
        '',
        '{"title":"Q2 report"}',
        `--${boundary}`,
        'Content-Disposition: form-data; name="tags"',
        '',
        'finance',
        `--${boundary}`,
        'Content-Disposition: form-data; name="note"',
        '',
        '@team; see attached',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
  });
});
