import { screen, within } from '@testing-library/react';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCoreHost, type CoreHost } from '../../electron/core/core-host';
import { bytesOf, livedFolder, type LivedFolder } from '../support/lived-folder';
import { renderHost } from './support/render-host';

const nav = () => within(screen.getByRole('navigation', { name: 'Main' }));

describe('a data file that cannot be opened', () => {
  let folder: LivedFolder;
  let host: CoreHost | null = null;
  beforeEach(async () => {
    folder = await livedFolder();
  });
  afterEach(async () => {
    await host?.close();
    host = null;
    await folder.remove();
  });

  const open = async () => {
    host = await openCoreHost({ dataDir: folder.dataDir, keychain: folder.keychain, version: '0.0.0-test' });
    return renderHost(host);
  };

  it('vaults.json: a banner names the file and its backup; the app works; Restore brings the vaults back', async () => {
    const damaged = await folder.damage('vaults.json', '{"schemaVersion":1,');
    const { user } = await open();
    const banner = screen.getByText('Your vaults could not be opened').closest<HTMLElement>('[role="alert"]')!;
    expect(banner).toHaveTextContent('Your vaults could not be opened');
    expect(banner).toHaveTextContent('vaults.json is damaged (it is not valid JSON; it may have been truncated).');
    expect(banner).toHaveTextContent('Issuing keys, the console and everything else keep working.');
    expect(banner).toHaveTextContent(damaged);
    expect(banner).toHaveTextContent('Backup: the copy taken when Keyhaven last opened the file, saved');
    // Issuing keeps working: the app is listed.
    expect(screen.getByRole('list', { name: 'Apps' })).toHaveTextContent('Pyas');

    await user.click(nav().getByRole('button', { name: /Vaults/ }));
    expect(await screen.findByRole('heading', { name: 'Your vaults are unavailable' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'New vault' })).toBeDisabled();

    await user.click(within(banner).getByRole('button', { name: 'Restore backup…' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore vaults.json from its backup?' });
    expect(dialog).toHaveTextContent('Changes made after that are lost.');
    expect(dialog).toHaveTextContent('vaults.json.damaged-<date>');
    await user.click(within(dialog).getByRole('button', { name: 'Restore backup' }));

    const title = await screen.findByText('Your vaults were restored from the backup');
    const notice = title.closest<HTMLElement>('[role="status"]')!;
    expect(notice).toHaveTextContent(/vaults\.json\.damaged-\d{8}-\d{6}/);
    expect(screen.queryByText('Your vaults could not be opened')).not.toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /Personal/ })).toBeVisible();
    expect(await screen.findByText('Pyas prod')).toBeVisible();
    expect(screen.getByRole('button', { name: 'New vault' })).toBeEnabled();
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Your vaults were restored from the backup')).not.toBeInTheDocument();
  });

  it('console.json: Start with an empty history asks first, keeps the damaged file, and empties the console', async () => {
    const damaged = '{"schemaVersion":1,"journalSeq":0,"history":[],"saved":[{"id":1}]}';
    await folder.damage('console.json', damaged);
    const { user } = await open();
    const banner = screen
      .getByText("The console's history and saved requests could not be opened")
      .closest<HTMLElement>('[role="alert"]')!;
    expect(banner).toHaveTextContent('Vaults, issuing keys and everything else keep working.');
    await user.click(within(banner).getByRole('button', { name: 'Start with an empty history…' }));
    const dialog = screen.getByRole('dialog', { name: 'Start with an empty history?' });
    // A danger confirmation starts on Cancel.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Start with an empty history' }));
    expect(await screen.findByText('The console started with an empty history and no saved requests')).toBeVisible();
    const kept = (await readdir(folder.dataDir)).filter((name) => name.startsWith('console.json.damaged-'));
    expect(kept).toHaveLength(1);
    expect(await bytesOf(join(folder.dataDir, kept[0]!))).toBe(damaged);
    await user.click(nav().getByRole('button', { name: /Console/ }));
    expect(await screen.findByRole('heading', { name: 'Console' })).toBeVisible();
    expect(screen.queryByText('Saved requests could not be read')).not.toBeInTheDocument();
  });

  it('keyhaven.json: only the recovery page shows; Restore brings the whole app back', async () => {
    await folder.damage('keyhaven.json', '{"schemaVersion":1,"apps":[');
    const { user } = await open();
    expect(screen.getByRole('heading', { name: 'Keyhaven cannot open its data' })).toBeVisible();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent(join(folder.dataDir, 'keyhaven.json'));
    expect(screen.getByRole('main')).toHaveTextContent(
      'A backup opens cleanly: the copy taken when Keyhaven last opened the file',
    );

    await user.click(screen.getByRole('button', { name: 'Restore backup…' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore keyhaven.json from its backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore backup' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(await screen.findByRole('list', { name: 'Apps' })).toHaveTextContent('Pyas');
  });

  it('keyhaven.json without a clean backup: says what to do, offers no button that cannot work', async () => {
    await writeFile(join(folder.dataDir, 'keyhaven.json.bak'), '');
    for (const name of await readdir(join(folder.dataDir, 'backups'))) {
      if (name.startsWith('keyhaven-')) await writeFile(join(folder.dataDir, 'backups', name), '');
    }
    await folder.damage('keyhaven.json', '');
    await open();
    expect(screen.getByRole('main')).toHaveTextContent(
      'keyhaven.json is damaged (it is empty; it may have been truncated).',
    );
    expect(screen.getByRole('main')).toHaveTextContent('No backup of it opens cleanly.');
    expect(screen.queryByRole('button', { name: 'Restore backup…' })).not.toBeInTheDocument();
  });
});
