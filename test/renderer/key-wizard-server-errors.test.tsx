import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { KeyhavenApi } from '../../shared/ipc/api';
import type { ApiError } from '../../shared/ipc/errors';
import { renderApp } from './support/render-app';
import { openWizard, scopeBox } from './support/wizard';

const withApp = {
  before: async (core: Core) => {
    await core.apps.create({ name: 'Pyas' });
  },
};

/** Main may refuse what the page let through (the page's schema is older, say): tampers with the name on the way. */
const nameTamperedWith =
  (name: string) =>
  (api: KeyhavenApi): KeyhavenApi => ({
    ...api,
    keys: { ...api.keys, generate: (input) => api.keys.generate({ ...input, name }) },
  });

const failingWith =
  (error: ApiError) =>
  (api: KeyhavenApi): KeyhavenApi => ({
    ...api,
    keys: { ...api.keys, generate: async () => ({ ok: false, error }) },
  });

async function generate(dialog: HTMLElement, user: Awaited<ReturnType<typeof renderApp>>['user']): Promise<void> {
  await user.type(within(dialog).getByLabelText('API key name'), 'Production');
  await user.keyboard('{Enter}');
  await user.click(await within(dialog).findByRole('checkbox', { name: /^Read items / }));
  await user.click(within(dialog).getByRole('button', { name: 'Next' }));
}

describe('The generation wizard and errors main judges', () => {
  it("puts main's name error on the name field, by the field main names, in the schema's words", async () => {
    const { user, core } = await renderApp({ ...withApp, wrapApi: nameTamperedWith('Py\u200Bas') });
    const dialog = await openWizard(user);
    await generate(dialog, user);
    const field = await within(dialog).findByLabelText('API key name');
    // The field's hint, then main's words, without a `name: ` path in front of them.
    expect(field).toHaveAccessibleDescription(
      /\. API key name cannot contain invisible or direction-changing characters: they let one name pose as another\.$/,
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).queryByRole('heading', { name: 'Select scopes' })).not.toBeInTheDocument();
    expect(within(dialog).queryByText('The API key was not generated')).not.toBeInTheDocument();
    expect(core.keys.list(core.apps.list()[0]!.id)).toHaveLength(0);
  });

  it('goes by the field, not by the words: any code, any message', async () => {
    const { user } = await renderApp({
      ...withApp,
      wrapApi: failingWith({ code: 'CONFLICT', message: 'Another key of Pyas is called "Production".', field: 'name' }),
    });
    const dialog = await openWizard(user);
    await generate(dialog, user);
    const field = await within(dialog).findByLabelText('API key name');
    expect(field).toHaveAccessibleDescription(/\. Another key of Pyas is called "Production"\.$/);
    expect(within(dialog).queryByText('The API key was not generated')).not.toBeInTheDocument();
  });

  it('shows a failure without a field in the banner on the scopes step', async () => {
    // Words that start like a path are no longer taken for one.
    const { user } = await renderApp({
      ...withApp,
      wrapApi: failingWith({ code: 'INVALID_INPUT', message: 'name: This request was refused.' }),
    });
    const dialog = await openWizard(user);
    await generate(dialog, user);
    expect(await within(dialog).findByText('name: This request was refused.')).toBeInTheDocument();
    expect(within(dialog).getByRole('heading', { name: 'Select scopes' })).toBeInTheDocument();
    expect(scopeBox(dialog, 'Read items')).toBeChecked();
    expect(screen.getByRole('dialog', { name: 'Generate API key' })).toBeInTheDocument();
  });
});
