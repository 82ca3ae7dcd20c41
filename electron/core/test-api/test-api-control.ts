import type { TestApiStatus } from '../../../shared/domain/test-api';
import type { TestApiKeys } from './test-api-keys';
import type { TestApi } from './test-api-server';

const STOPPED: TestApiStatus = { running: false, port: null, baseUrl: null };

/**
 * Settings → Local test API: switched on and off by the user (off by default), one server at a time.
 * Starting while running on another port restarts it there.
 */
export class TestApiControl {
  private server: TestApi | null = null;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly keys: TestApiKeys,
    private readonly logError: (line: string) => void,
  ) {}

  status(): TestApiStatus {
    const server = this.server;
    return server ? { running: true, port: server.port, baseUrl: server.baseUrl } : { ...STOPPED };
  }

  start(port = 0): Promise<TestApiStatus> {
    return this.serialised(async () => {
      if (this.server && (port === 0 || port === this.server.port)) return this.status();
      await this.closeServer();
      // A port in use answers CONFLICT, a refused one INVALID_INPUT (startTestApi says which port).
      // Loaded on first start: a process that never serves (the command line) never loads node:http.
      const { startTestApi } = await import('./test-api-server');
      this.server = await startTestApi({ keys: this.keys, port, logError: this.logError });
      return this.status();
    });
  }

  stop(): Promise<TestApiStatus> {
    return this.serialised(async () => {
      await this.closeServer();
      return this.status();
    });
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
