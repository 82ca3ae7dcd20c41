import { Agent, request } from 'node:http';

/** What the rate-limit tests read of an answer (a subset of fetch's Response). */
export interface ClientResponse {
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

export interface ConnectionClient {
  call(
    path: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<ClientResponse>;
  close(): void;
}

/**
 * One client on one keep-alive connection (one socket, reused), as a script or a test runner with its
 * own HTTP agent is. The test API limits failures per connection, so the tests say which they use.
 */
export function connectionTo(baseUrl: string): ConnectionClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(baseUrl);
  return {
    call: (path, init = {}) =>
      new Promise((resolve, reject) => {
        const req = request({
          host: hostname,
          port,
          path,
          method: init.method ?? 'GET',
          headers: init.headers ?? {},
          agent,
        });
        req.on('response', (res) => {
          const parts: Buffer[] = [];
          res.on('data', (chunk: Buffer) => parts.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(parts).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              headers: { get: (name) => (res.headers[name.toLowerCase()] as string | undefined) ?? null },
              json: async () => JSON.parse(text) as unknown,
            });
          });
        });
        req.on('error', reject);
        req.end(init.body);
      }),
    close: () => agent.destroy(),
  };
}
