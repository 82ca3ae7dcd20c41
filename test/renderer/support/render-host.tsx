import { render } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createHandlers } from '../../../electron/core/api/handlers';
import type { CoreHost } from '../../../electron/core/core-host';
import { App } from '../../../renderer/src/App';
import { createInProcessApi } from '../../support/in-process-api';
import { waitForReady } from './render-app';

/**
 * Renders Keyhaven over a host the test opened itself (a data folder with damaged files), through the
 * same handlers, validation and error mapping as IPC. The caller closes the host.
 */
export async function renderHost(host: CoreHost): Promise<{ user: UserEvent }> {
  window.keyhaven = createInProcessApi(createHandlers(host), () => undefined, host.events);
  const user = userEvent.setup();
  render(<App />);
  await waitForReady();
  return { user };
}
