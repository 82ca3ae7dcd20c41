import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { expect, onTestFinished, vi } from 'vitest';
import { createHandlers } from '../../../electron/core/api/handlers';
import { hostOf } from '../../../electron/core/core-host';
import type { Clock } from '../../../electron/core/clock';
import type { Core } from '../../../electron/core/core';
import { App } from '../../../renderer/src/App';
import type { KeyhavenApi } from '../../../shared/ipc/api';
import { createInProcessApi } from '../../support/in-process-api';
import type { MemoryKeychain } from '../../support/memory-keychain';
import type { MemoryPlatform } from '../../support/memory-platform';
import { openTestCore } from '../../support/open-test-core';

export interface RenderedApp {
  user: UserEvent;
  core: Core;
  keychain: MemoryKeychain;
  api: KeyhavenApi;
  /** The core's clipboard (Copy in main writes here), power events and timers. */
  platform: MemoryPlatform;
  writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;
}

export interface RenderOptions {
  /** Runs against the real core before the UI starts (seed data, break the keychain…). */
  before?: (core: Core, keychain: MemoryKeychain) => Promise<void> | void;
  /** Wraps the in-process bridge, e.g. to hold a call open and observe a loading state. */
  wrapApi?: (api: KeyhavenApi) => KeyhavenApi;
  /** Skip waiting for data-app-ready (for tests that look at the loading state). */
  waitForReady?: boolean;
  /** The core's clock, e.g. a ManualClock set in the past to issue keys that expire soon. */
  clock?: Clock;
  /** A keychain set up before the core opens, e.g. locked for the first run. */
  keychain?: MemoryKeychain;
}

/**
 * Renders Keyhaven against the real core in this process (real files in a temp dir, in-memory
 * keychain), through the same validation and error mapping as IPC. Cleans up after the test.
 */
export async function renderApp(options: RenderOptions = {}): Promise<RenderedApp> {
  const test = await openTestCore({
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.keychain ? { keychain: options.keychain } : {}),
  });
  onTestFinished(() => test.dispose());
  await options.before?.(test.core, test.keychain);
  const api = createInProcessApi(createHandlers(hostOf(test.core)), () => undefined, test.core.events);
  window.keyhaven = options.wrapApi ? options.wrapApi(api) : api;

  const user = userEvent.setup();
  // After setup(): user-event installs its own clipboard stub, which this replaces.
  const writeText = vi.fn<(text: string) => Promise<void>>(async () => {});
  Object.defineProperty(window.navigator, 'clipboard', { value: { writeText }, configurable: true });

  render(<App />);
  if (options.waitForReady !== false) await waitForReady();
  return { user, core: test.core, keychain: test.keychain, platform: test.platform, api, writeText };
}

export async function waitForReady(): Promise<void> {
  await waitFor(() => expect(document.documentElement.dataset.appReady).toBe('true'));
}

/** A promise you resolve from the test: holds a bridge call open. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Creates an app through the UI and waits for it in the list. */
export async function createAppThroughUi(user: UserEvent, name: string, description = ''): Promise<void> {
  await user.click(screen.getByRole('button', { name: '+ New App' }));
  const dialog = screen.getByRole('dialog', { name: 'New App' });
  await user.type(within(dialog).getByLabelText('Name'), name);
  if (description) await user.type(within(dialog).getByLabelText('Description (optional)'), description);
  await user.click(within(dialog).getByRole('button', { name: 'Create app' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
}

/** Navigates with the sidebar ("Apps" or "Activity"). */
export async function goTo(user: UserEvent, item: 'Apps' | 'Activity'): Promise<void> {
  await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: item }));
}

/** Opens an app from the Apps list. */
export async function openApp(user: UserEvent, name: string): Promise<void> {
  const list = screen.getByRole('list', { name: 'Apps' });
  await user.click(within(list).getByRole('button', { name }));
  await screen.findByRole('tablist');
}
