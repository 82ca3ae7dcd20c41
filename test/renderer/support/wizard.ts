import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { openApp } from './render-app';

/** renderApp's setup for the wizard tests: one app, "Pyas". */
export const withApp = {
  before: async (core: Core) => {
    await core.apps.create({ name: 'Pyas' });
  },
};

/** The keys of the first app, as the core lists them. */
export const keysOf = (core: Core) => core.keys.list(core.apps.list()[0]!.id);

/** Opens the app's API Keys tab and the "Generate API key" wizard on step 1. */
export async function openWizard(user: UserEvent, appName = 'Pyas'): Promise<HTMLElement> {
  await openApp(user, appName);
  await user.click(await screen.findByRole('button', { name: 'Generate API key' }));
  return screen.getByRole('dialog', { name: 'Generate API key' });
}

/** A scope's checkbox on step 2, by its label ("Read items"). */
export const scopeBox = (dialog: HTMLElement, label: string) =>
  within(dialog).getByRole('checkbox', { name: new RegExp(`^${label} `) });

interface WizardInput {
  name: string;
  /** The option label of "Expiration time"; 1 year when omitted. */
  expiration?: string;
  /** Scope labels to tick; none with `noScopes`. Defaults to "Read items". */
  scopes?: readonly string[];
  noScopes?: boolean;
}

/** Runs the wizard to the "Store your API key" step and returns the dialog. */
export async function generateThroughUi(user: UserEvent, input: WizardInput, appName = 'Pyas'): Promise<HTMLElement> {
  const dialog = await openWizard(user, appName);
  await user.type(within(dialog).getByLabelText('API key name'), input.name);
  if (input.expiration) await user.selectOptions(within(dialog).getByLabelText('Expiration time'), input.expiration);
  await user.click(within(dialog).getByRole('button', { name: 'Next' }));
  await within(dialog).findByRole('heading', { name: 'Select scopes' });
  if (input.noScopes) await user.click(within(dialog).getByRole('checkbox', { name: /^This key needs no scopes/ }));
  else for (const label of input.scopes ?? ['Read items']) await user.click(scopeBox(dialog, label));
  await user.click(within(dialog).getByRole('button', { name: 'Next' }));
  await within(dialog).findByRole('heading', { name: 'Store your API key' });
  return dialog;
}

/** Ticks "I have stored the key in a safe place" and clicks Done. */
export async function finishStoring(user: UserEvent, dialog: HTMLElement): Promise<void> {
  await user.click(within(dialog).getByRole('checkbox', { name: 'I have stored the key in a safe place' }));
  await user.click(within(dialog).getByRole('button', { name: 'Done' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
}
