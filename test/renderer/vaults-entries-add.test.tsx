// Vault entries: Add key with each preset, a pasted header recognised and split off, inline validation.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { describeScheme } from '../../shared/catalogs/service-presets';
import { renderApp } from './support/render-app';
import { addKeyThroughUi, dialogNamed, goToVaults, personal, revealThroughUi, rowOf } from './support/vaults';

const PRESETS = [
  { preset: 'Pyas', scheme: 'X-API-Key', header: (k: string) => `x-api-key: ${k}` },
  { preset: 'atfinity', scheme: 'Api-Key', header: (k: string) => `Authorization: Api-Key ${k}` },
  { preset: 'nexos.ai', scheme: 'Bearer', header: (k: string) => `Authorization: Bearer ${k}` },
  { preset: 'Cerby', scheme: 'X-API-Key', header: (k: string) => `x-api-key: ${k}` },
  { preset: 'Extracta', scheme: 'Bearer', header: (k: string) => `Authorization: Bearer ${k}` },
] as const;

describe('Vault entries', { timeout: 20_000 }, () => {
  it('adds a key with each preset: the preset sets service and scheme, Show reveals the same key', async () => {
    const { user, core } = await renderApp();
    await goToVaults(user);
    for (const [i, { preset }] of PRESETS.entries()) {
      await addKeyThroughUi(user, 'Personal', { name: `${preset} prod`, key: `key-${i}-${preset}`, preset });
    }
    await addKeyThroughUi(user, 'Personal', {
      name: 'Own API',
      key: 'own-key-1',
      preset: 'Custom',
      service: 'Own API',
      scheme: 'Custom header',
      schemeName: 'X-Token',
    });

    const stored = core.vaults.entries.listEntries(personal(core).id);
    for (const [i, { preset, scheme }] of PRESETS.entries()) {
      const entry = stored.find((e) => e.name === `${preset} prod`)!;
      expect(entry.service).toBe(preset);
      expect(describeScheme(entry.scheme)).toBe(scheme);
      const row = rowOf('Personal', `${preset} prod`);
      expect(row).toHaveTextContent(preset);
      expect(row).toHaveTextContent(scheme);
      expect(await revealThroughUi(user, `${preset} prod`)).toBe(`key-${i}-${preset}`);
    }
    const own = stored.find((e) => e.name === 'Own API')!;
    expect(own).toMatchObject({ service: 'Own API', preset: 'custom', scheme: { kind: 'header', name: 'X-Token' } });
    expect(rowOf('Personal', 'Own API')).toHaveTextContent('Custom header: X-Token');
    expect(await revealThroughUi(user, 'Own API')).toBe('own-key-1');
  }, 30_000);

  it('recognises a pasted "Authorization: Bearer …", sets the scheme and stores only the key', async () => {
    const { user, core } = await renderApp();
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Add key' }));
    const dialog = within(dialogNamed('Add key to Personal'));
    await user.selectOptions(dialog.getByLabelText('Service preset'), 'Pyas');
    expect(dialog.getByLabelText('Header scheme')).toHaveValue('x-api-key');
    await user.type(dialog.getByLabelText('Name'), 'Pasted');
    await user.click(dialog.getByLabelText('Key'));
    await user.paste('Authorization: Bearer tok_Pasted123');
    expect(dialog.getByRole('status')).toHaveTextContent(
      'Recognised Authorization: Bearer — the key was split from its header.',
    );
    expect(dialog.getByLabelText('Header scheme')).toHaveValue('bearer');
    fireEvent.change(dialog.getByLabelText('Expires (optional)'), { target: { value: '2031-01-02T03:04' } });
    await user.click(dialog.getByRole('button', { name: 'Add key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const [entry] = core.vaults.entries.listEntries(personal(core).id);
    expect(entry!.scheme).toEqual({ kind: 'bearer' });
    expect(entry!.expiresAt).toBe(new Date('2031-01-02T03:04').toISOString()); // local time
    expect(within(rowOf('Personal', 'Pasted')).getByText(/^in \d+ years$/)).toHaveAttribute(
      'datetime',
      entry!.expiresAt,
    );
    expect(core.vaults.entries.reveal(entry!.id).secret).toBe('tok_Pasted123');
    expect(await revealThroughUi(user, 'Pasted')).toBe('tok_Pasted123');
  });

  it('recognises x-api-key and Api-Key headers, and says nothing for a bare key', async () => {
    const { user } = await renderApp();
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Add key' }));
    const dialog = within(dialogNamed('Add key to Personal'));
    const key = dialog.getByLabelText('Key');
    await user.click(key);
    await user.paste('x-api-key: abc123');
    expect(dialog.getByRole('status')).toHaveTextContent('Recognised x-api-key — the key was split from its header.');
    expect(dialog.getByLabelText('Header scheme')).toHaveValue('x-api-key');
    await user.clear(key);
    await user.paste('Authorization: Api-Key abc123');
    expect(dialog.getByRole('status')).toHaveTextContent('Recognised Authorization: Api-Key');
    expect(dialog.getByLabelText('Header scheme')).toHaveValue('api-key');
    await user.clear(key);
    await user.paste('abc123');
    expect(dialog.getByRole('status')).toHaveTextContent('');
  });

  it('validates inline without ever repeating the key, and warns about query parameters', async () => {
    const secret = 'sk_live_NeverEchoThis';
    const { user, core } = await renderApp();
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Add key' }));
    const dialogEl = dialogNamed('Add key to Personal');
    const dialog = within(dialogEl);
    await user.click(dialog.getByLabelText('Key'));
    await user.paste(secret);
    await user.selectOptions(dialog.getByLabelText('Service preset'), 'Custom');
    await user.selectOptions(dialog.getByLabelText('Header scheme'), 'Query parameter');
    expect(dialog.getByRole('note')).toHaveTextContent('Keys in URLs leak into logs');
    await user.type(dialog.getByLabelText('Base URL (optional)'), 'ftp://nope');
    await user.type(dialog.getByLabelText('Allowed hosts (optional)'), 'api.example.com, not a host');
    await user.click(dialog.getByRole('button', { name: 'Add key' }));

    expect(dialog.getByLabelText('Name')).toHaveAccessibleDescription('Name is required.');
    expect(dialog.getByLabelText('Name')).toHaveFocus();
    expect(dialog.getByLabelText('Service name')).toHaveAccessibleDescription('Service is required.');
    expect(dialog.getByLabelText('Parameter name')).toHaveAccessibleDescription('Parameter name is required.');
    expect(dialog.getByLabelText('Base URL (optional)')).toHaveAccessibleDescription(
      'The base URL must start with https:// (or http://).',
    );
    expect(dialog.getByLabelText('Allowed hosts (optional)')).toHaveAccessibleDescription(
      /Allowed hosts are host names like/,
    );
    const messages = dialogEl.querySelectorAll('.text-field__error, .text-field__hint, [role="status"], [role="note"]');
    expect(messages.length).toBeGreaterThan(5);
    for (const message of messages) expect(message.textContent).not.toContain(secret);
    expect(core.vaults.entries.listEntries(personal(core).id)).toHaveLength(0);

    await user.clear(dialog.getByLabelText('Key'));
    await user.click(dialog.getByRole('button', { name: 'Add key' }));
    expect(dialog.getByLabelText('Key')).toHaveAccessibleDescription(/Paste the key\.$/);
  });
});
