// sendRequest: timeouts, and Cancel through the request registry or an abort signal.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConsoleRequests } from '../../../electron/core/console/console-requests';
import { sendRequest } from '../../../electron/core/console/send-request';
import { closeServersAfterEach, failure, request, server, typed } from './send-request-fixture';

closeServersAfterEach();

describe('timeout and cancel', () => {
  it('a server that never answers times out', async () => {
    const api = await server(() => undefined);
    const error = await failure(sendRequest(request({ method: 'GET', url: `${api.origin}/`, timeoutMs: 200 })));
    expect(error.reason).toBe('TIMEOUT');
    expect(error.message).toContain('0.2 s');
  });

  it('Cancel aborts a request waiting for its response, through the registry', async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const api = await server(() => arrived());
    const requests = new ConsoleRequests();
    const id = randomUUID();
    const pending = requests.run(id, (signal) =>
      sendRequest(request({ method: 'GET', url: `${api.origin}/`, auth: typed({ kind: 'x-api-key' }) }), { signal }),
    );
    await arrival;
    expect(requests.size).toBe(1);
    expect(requests.cancel(id)).toBe(true);
    const error = await failure(pending);
    expect(error.reason).toBe('CANCELLED');
    expect(requests.size).toBe(0);
    expect(requests.cancel(id)).toBe(false);
  });

  it('Cancel aborts while the body is arriving', async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const api = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first part', () => arrived());
    });
    const controller = new AbortController();
    const pending = sendRequest(request({ method: 'GET', url: `${api.origin}/` }), { signal: controller.signal });
    await arrival;
    controller.abort();
    expect((await failure(pending)).reason).toBe('CANCELLED');
  });

  it('a second request with a running id is a conflict', async () => {
    const requests = new ConsoleRequests();
    let release!: () => void;
    const first = requests.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(requests.run('a', async () => undefined)).rejects.toMatchObject({ code: 'CONFLICT' });
    release();
    await first;
  });

  it('an already aborted signal sends nothing', async () => {
    const api = await server();
    const error = await failure(
      sendRequest(request({ method: 'GET', url: `${api.origin}/` }), { signal: AbortSignal.abort() }),
    );
    expect(error.reason).toBe('CANCELLED');
    expect(api.seen).toHaveLength(0);
  });
});
