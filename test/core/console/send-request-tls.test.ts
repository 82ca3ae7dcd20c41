// sendRequest over https: self-signed certificates and https → http redirects.
import { beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../../../electron/core/console/send-request';
import { echo, loopbackLookup, selfSignedCertificate, type Certificate } from './servers';
import { closeServersAfterEach, failure, KEY, request, server, typed } from './send-request-fixture';

closeServersAfterEach();

describe('TLS', () => {
  let cert: Certificate | null = null;
  beforeAll(async () => {
    cert = await selfSignedCertificate();
    if (!cert) console.warn('openssl is not installed: the https tests are skipped.');
  });

  it('a self-signed certificate is refused by default', async ({ skip }) => {
    if (!cert) return skip();
    const api = await server(echo, cert);
    const error = await failure(sendRequest(request({ method: 'GET', url: `${api.localhostOrigin}/` })));
    expect(error.reason).toBe('TLS');
    expect(error.message).toContain('Accept a self-signed certificate (localhost only)');
  });

  it('is accepted with the option for localhost and 127.0.0.1 only', async ({ skip }) => {
    if (!cert) return skip();
    const api = await server(echo, cert);
    for (const origin of [api.localhostOrigin, api.origin]) {
      const response = await sendRequest(
        request({
          method: 'GET',
          url: `${origin}/`,
          allowSelfSignedLocalhost: true,
          auth: typed({ kind: 'x-api-key' }),
        }),
      );
      expect(response.status).toBe(200);
    }
    expect(api.seen.map((s) => s.headers['x-api-key'])).toEqual([KEY, KEY]);
    // The same server under another name (its certificate names it too): still refused.
    const error = await failure(
      sendRequest(
        request({ method: 'GET', url: `https://selfsigned.test:${api.port}/`, allowSelfSignedLocalhost: true }),
        {
          lookup: loopbackLookup,
        },
      ),
    );
    expect(error.reason).toBe('TLS');
    expect(error.message).toContain('only for localhost');
    expect(api.seen).toHaveLength(2);
  });

  it('https → http is refused, and the http server sees nothing', async ({ skip }) => {
    if (!cert) return skip();
    const plain = await server();
    const secure = await server((_req, res) => {
      res.writeHead(302, { location: `${plain.origin}/insecure` });
      res.end();
    }, cert);
    const error = await failure(
      sendRequest(
        request({
          method: 'GET',
          url: `${secure.localhostOrigin}/`,
          allowSelfSignedLocalhost: true,
          auth: typed({ kind: 'bearer' }),
        }),
      ),
    );
    expect(error.reason).toBe('INSECURE_REDIRECT');
    expect(error.message).toContain('from https to plain http');
    expect(plain.seen).toHaveLength(0);
  });
});
