import type { TestApiSettings, TestApiStatus } from '../../../shared/domain/test-api';
import type { TestApiKeys } from './test-api-keys';
import type { TestApi } from './test-api-server';

/** Where the kept port lives (keyhaven.json, through the core): read at once, saved with a commit. */
export interface TestApiSettingsStore {
  saved(): TestApiSettings;
  save(settings: TestApiSettings): Promise<void>;
}

/**
 * Settings → Local test API: switched on and off by the user (off by default), one server at a time.
 * Starting while running on another port restarts it there. The port it runs on is kept, and whether
 * it was on: a start without a port takes the kept one, and the app starts it again at launch
 * (`resume`), so saved requests to it keep working across restarts.
 */
export class TestApiControl {
  private server: TestApi | null = null;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly keys: TestApiKeys,
    private readonly settings: TestApiSettingsStore,
    private readonly logError: (line: string) => void,
  ) {}

  status(): TestApiStatus {
    const server = this.server;
    const savedPort = this.settings.saved().port;
    return server
      ? { running: true, port: server.port, baseUrl: server.baseUrl, savedPort }
      : { running: false, port: null, baseUrl: null, savedPort };
  }

  /** `port`: 0 for any free port; absent for the kept one (any free port the first time). */
  start(port?: number): Promise<TestApiStatus> {
    return this.serialised(async () => {
      const wanted = port ?? this.settings.saved().port ?? 0;
      if (this.server && (wanted === 0 || wanted === this.server.port)) return this.status();
      await this.closeServer();
      // A port in use answers CONFLICT, a refused one INVALID_INPUT (startTestApi says which port).
      // Loaded on first start: a process that never serves (the command line) never loads node:http.
      const { startTestApi } = await import('./test-api-server');
      this.server = await startTestApi({ keys: this.keys, port: wanted, logError: this.logError });
      await this.settings.save({ port: this.server.port, running: true });
      return this.status();
    });
  }

  stop(): Promise<TestApiStatus> {
    return this.serialised(async () => {
      await this.closeServer();
      await this.settings.save({ port: this.settings.saved().port, running: false });
      return this.status();
    });
  }

  /** At the app's launch: on again, on the kept port, if it was on when the app quit. Never throws. */
  async resume(): Promise<void> {
    const { port, running } = this.settings.saved();
    if (!running || port === null) return;
    await this.start(port).catch((error: unknown) =>
      this.logError(`The local test API did not start again on port ${port}: ${(error as Error).message}`),
    );
  }

  /** Quitting: the server closes, and the kept state stays as it is (on, if it was on). */
  shutdown(): Promise<void> {
    return this.serialised(() => this.closeServer());
  }

  private async closeServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    await server?.close();
  }

  /** Start and stop one after the other, so two quick clicks cannot leave two servers. */
  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = this.pending.then(work, work);
    this.pending = result.catch(() => undefined);
    return result;
  }
}
