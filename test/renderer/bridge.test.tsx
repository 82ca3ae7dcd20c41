import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiFailure, client, settle } from '../../renderer/src/api/client';
import { App } from '../../renderer/src/App';
import type { KeyhavenApi } from '../../shared/ipc/api';

describe('The bridge to the core', () => {
  it('shows a full-screen explanation when window.keyhaven is missing', () => {
    delete window.keyhaven;
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: "Keyhaven's bridge is missing" })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Open Keyhaven from its application launcher');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(document.documentElement.dataset.appReady).toBe('true');
  });

  it('turns Results into a value or an ApiFailure', () => {
    expect(settle({ ok: true, value: 3 })).toBe(3);
    const failure = settle({ ok: false, error: { code: 'NOT_FOUND', message: 'The app was not found.' } });
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ code: 'NOT_FOUND', message: 'The app was not found.' });
  });

  it('never rejects: a missing bridge or a broken transport becomes an ApiFailure', async () => {
    delete window.keyhaven;
    const missing = await client.apps.list({});
    expect(missing).toBeInstanceOf(ApiFailure);
    expect(missing).toMatchObject({ code: 'INTERNAL' });

    window.keyhaven = {
      apps: { list: () => Promise.reject(new Error('ipc closed')) },
    } as unknown as KeyhavenApi;
    const broken = await client.apps.list({});
    expect(broken).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('could not reach') });
  });
});
