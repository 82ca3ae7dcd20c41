// The Export and Import vault dialogs rendered on their own over the real core, and their steps.
import { render, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { vi } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { ExportVaultDialog } from '../../../renderer/src/features/vault-transfer/ExportVaultDialog';
import { ImportVaultDialog } from '../../../renderer/src/features/vault-transfer/ImportVaultDialog';
import { addEntries, vaultNamed } from './transfer';

export const STRONG = 'correct horse battery staple'; // four words: "Very strong."

/** "Team" with four entries; "Personal" (the default vault) with three of the same names. */
export const withTwoVaults = {
  before: async (core: Core) => {
    const team = await core.vaults.vaults.createVault('Team');
    await addEntries(core, team.id, { Alpha: 't-alpha', Beta: 't-beta', Gamma: 't-gamma', Delta: 't-delta' });
    await addEntries(core, vaultNamed(core, 'Personal').id, { Alpha: 'p-alpha', Beta: 'p-beta', Gamma: 'p-gamma' });
  },
};

export function openExport(core: Core, vaultName: string, entryIds?: string[]) {
  const onClose = vi.fn();
  const vault = vaultNamed(core, vaultName);
  const { unmount } = render(<ExportVaultDialog vault={vault} {...(entryIds ? { entryIds } : {})} onClose={onClose} />);
  return { dialog: screen.getByRole('dialog', { name: 'Export vault' }), onClose, unmount };
}

export function openImport(core: Core, initialVaultName: string) {
  const onClose = vi.fn();
  const onImported = vi.fn();
  const vaults = core.vaults.vaults.listVaults();
  const initialVaultId = vaultNamed(core, initialVaultName).id;
  render(
    <ImportVaultDialog vaults={vaults} initialVaultId={initialVaultId} onClose={onClose} onImported={onImported} />,
  );
  return { dialog: screen.getByRole('dialog', { name: 'Import vault' }), onClose, onImported };
}

export async function typePassphrases(
  user: UserEvent,
  dialog: HTMLElement,
  passphrase: string,
  confirmation = passphrase,
) {
  await user.type(within(dialog).getByLabelText('Passphrase'), passphrase);
  await user.type(within(dialog).getByLabelText('Confirm passphrase'), confirmation);
}

/** Chooses the file and passphrase on the import dialog's first step and clicks Open. */
export async function openFile(user: UserEvent, dialog: HTMLElement, file: File, passphrase: string) {
  await user.upload(within(dialog).getByLabelText('Export file'), file);
  const field = within(dialog).getByLabelText('Passphrase');
  await user.clear(field);
  await user.type(field, passphrase);
  await user.click(within(dialog).getByRole('button', { name: 'Open' }));
}

export const conflictGroup = (dialog: HTMLElement, name: string) => within(dialog).getByRole('group', { name });
export const checkedIn = (group: HTMLElement) =>
  within(group)
    .getAllByRole('radio')
    .find((r) => (r as HTMLInputElement).checked)
    ?.closest('div')?.textContent;
