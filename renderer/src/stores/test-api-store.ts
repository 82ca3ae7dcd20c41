import { create } from 'zustand';
import type { TestApiStatus } from '../../../shared/domain/test-api';
import { client, isFailure, type ApiFailure } from '../api/client';

const STOPPED: TestApiStatus = { running: false, port: null, baseUrl: null, savedPort: null };

interface TestApiState {
  /** What main last said; off until the first load (the local test API is off by default). */
  status: TestApiStatus;
  loaded: boolean;
  loading: boolean;
  /** Why the status could not be read. Start and stop failures go back to the caller instead. */
  error: ApiFailure | null;
  /** A start or stop in flight: the controls wait for it. */
  pending: 'start' | 'stop' | null;
  load: () => Promise<void>;
  /** 0 or absent: any free port. Resolves to the new status or main's failure (CONFLICT, INVALID_INPUT…). */
  start: (port?: number) => Promise<TestApiStatus | ApiFailure>;
  stop: () => Promise<TestApiStatus | ApiFailure>;
}

/**
 * Settings → Local test API (issue 5): whether the server on 127.0.0.1 runs, and where. The console can
 * read `status.baseUrl` from here to offer it as a target.
 */
export const useTestApi = create<TestApiState>()((set) => {
  /** Counts starts and stops, so a status read that overlapped one does not overwrite its answer. */
  let changes = 0;

  /** After a failed start or stop, ask again: the server may be in another state than we thought. */
  const resync = async () => {
    const now = await client.testApi.status();
    if (!isFailure(now)) set({ status: now, loaded: true });
  };

  const change = async (
    kind: 'start' | 'stop',
    run: () => Promise<TestApiStatus | ApiFailure>,
  ): Promise<TestApiStatus | ApiFailure> => {
    changes += 1;
    set({ pending: kind });
    const result = await run();
    if (isFailure(result)) await resync();
    else set({ status: result, loaded: true, error: null });
    set({ pending: null });
    return result;
  };

  return {
    status: STOPPED,
    loaded: false,
    loading: false,
    error: null,
    pending: null,
    load: async () => {
      const before = changes;
      set({ loading: true });
      const result = await client.testApi.status();
      // A start or stop that began meanwhile has the newer word.
      if (changes !== before) return set({ loading: false });
      if (isFailure(result)) set({ error: result, loading: false });
      else set({ status: result, loaded: true, error: null, loading: false });
    },
    start: (port) => change('start', () => client.testApi.start(port === undefined ? {} : { port })),
    stop: () => change('stop', () => client.testApi.stop()),
  };
});
