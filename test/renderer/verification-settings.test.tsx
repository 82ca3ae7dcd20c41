import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createVerifier } from '../../shared/verify/index';
import type { Keyset } from '../../shared/verify/keyset';
import { generateInput } from '../support/generate-input';
import { openApp, renderApp } from './support/render-app';
import { captureDownloads } from './support/transfer';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function openVerification() {
  const rendered = await renderApp({
    before: async (core) => {
      await core.apps.create({ name: 'Pyas' });
    },
  });
  await openApp(rendered.user, 'Pyas');
  await rendered.user.click(screen.getByRole('tab', { name: 'Settings' }));
  const panel = screen.getByRole('tabpanel', { name: 'Settings' });
  const region = within(panel).getByRole('region', {
    name: 'Verification',
  });
  const appId = rendered.core.apps.list()[0]!.id;
  await within(region).findByText('KEYHAVEN_PUBLIC_KEY');
  return { ...rendered, region, appId };
}

describe('Settings → Verification', () => {
  it('shows the public key, keeps the secret hidden until Show, and copies the .env lines in main', async () => {
    const { user, core, platform, region, appId } = await openVerification();
    const { publicKey } = await core.keysets.status(appId);
    const secret = (await core.secrets.pepperOf(appId)).toString('base64url');
    expect(region).toHaveTextContent(publicKey);
    expect(region).not.toHaveTextContent(secret);
    expect(within(region).getByLabelText('.env lines')).toHaveTextContent(`KEYHAVEN_SECRET=••••`);

    await user.click(within(region).getByRole('button', { name: 'Show' }));
    expect(await within(region).findByLabelText('Secret')).toHaveTextContent(secret);
    await user.click(within(region).getByRole('button', { name: 'Hide' }));
    expect(region).not.toHaveTextContent(secret);

    await user.click(within(region).getByRole('button', { name: 'Copy .env lines' }));
    expect(await within(region).findByText(/^Copied\. The clipboard will be cleared in \d+ s\.$/)).toBeVisible();
    expect(platform.text).toBe(`KEYHAVEN_PUBLIC_KEY=${publicKey}\nKEYHAVEN_SECRET=${secret}\n`);
    // Shown once, copied once: recorded, never with the value.
    const records = core.activity.list().filter((r) => r.type === 'app.secretShown');
    expect(records.map((r) => r.summary)).toEqual([
      'Verification secret of "Pyas" copied as .env lines',
      'Verification secret of "Pyas" shown in Settings',
    ]);
    expect(JSON.stringify(core.activity.list())).not.toContain(secret);
  });

  it('publishes to a folder, says why a folder is refused, and the file follows every new key', async () => {
    const { user, core, region, appId } = await openVerification();
    const folder = await mkdtemp(join(tmpdir(), 'keyhaven-publish-'));
    folders.push(folder);
    const field = within(region).getByLabelText('Publish to folder');
    await user.type(field, join(folder, 'missing'));
    await user.click(within(region).getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/does not exist/));
    expect(core.apps.get(appId).keyset.publishTo).toBeNull();

    await user.clear(field);
    await user.type(field, folder);
    await user.click(within(region).getByRole('button', { name: 'Publish' }));
    expect(await within(region).findByText('Published.')).toBeVisible();
    expect(await within(region).findByText(/^Published to .* · last written/)).toBeVisible();

    const { plaintext } = await core.issuing.generate(generateInput(appId));
    const keyset = JSON.parse(await readFile(join(folder, 'pyas.keyset.json'), 'utf8')) as Keyset;
    const service = await createVerifier({
      keyset,
      publicKey: (await core.keysets.status(appId)).publicKey,
      secret: (await core.secrets.pepperOf(appId)).toString('base64url'),
    });
    expect(await service.verify(plaintext)).toMatchObject({ valid: true });

    await user.click(within(region).getByRole('button', { name: 'Stop publishing' }));
    expect(await within(region).findByText(/^Publishing stopped/)).toBeVisible();
    expect(core.apps.get(appId).keyset.publishTo).toBeNull();
  });

  it('exports the keyset as a file named after the key prefix', async () => {
    const { user, region } = await openVerification();
    const { downloads } = captureDownloads();
    await user.click(within(region).getByRole('button', { name: 'Export keyset' }));
    expect(await within(region).findByText('Saved pyas.keyset.json.')).toBeVisible();
    expect(downloads.map((d) => d.fileName)).toEqual(['pyas.keyset.json']);
    const keyset = JSON.parse(await downloads[0]!.blob.text()) as Keyset;
    expect(keyset).toMatchObject({ format: 'keyhaven-keyset', app: { prefix: 'pyas' }, sequence: expect.any(Number) });
  });
});
