import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVerifier } from '../../../shared/verify/index';
import type { Keyset } from '../../../shared/verify/keyset';
import { openFixture, type Fixture } from './test-api-fixture';

describe('GET /v1/keyset: the current keyset for a service under development', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => f.dispose());

  it('serves the signed keyset a verifier accepts, the same one until the keys change', async () => {
    const { plaintext } = await f.issue({ name: 'Local' });
    const first = await f.call('/v1/keyset');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json');
    const text = await first.text();
    const etag = first.headers.get('etag');
    expect(etag).toBe(`"keyset-${(JSON.parse(text) as Keyset).sequence}"`);
    const service = await createVerifier({
      keyset: text,
      publicKey: (await f.t.core.keysets.status(f.appId)).publicKey,
      secret: (await f.t.core.secrets.pepperOf(f.appId)).toString('base64url'),
      now: () => f.clock.now().getTime(),
    });
    expect(await service.verify(plaintext)).toMatchObject({ valid: true });

    const again = await f.call('/v1/keyset?app=pyas', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const key = f.t.core.keys.list(f.appId)[0];
    await f.t.core.issuing.revoke(key?.id ?? '');
    const changed = await f.call('/v1/keyset?app=Pyas', { headers: { 'if-none-match': etag ?? '' } });
    expect(changed.status).toBe(200);
    const update = await service.update(await changed.text());
    expect(update.accepted).toBe(true);
    expect(await service.verify(plaintext)).toMatchObject({ valid: false, code: 'REVOKED' });
  });

  it('asks which app when there are several, and names an unknown one as not found', async () => {
    await f.t.core.apps.create({ name: 'Billing' });
    const unnamed = await f.call('/v1/keyset');
    expect(unnamed.status).toBe(400);
    expect(await unnamed.json()).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('?app=') });
    expect((await f.call('/v1/keyset?app=billing')).status).toBe(200);
    const unknown = await f.call('/v1/keyset?app=nope');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'APP_NOT_FOUND' });
    expect((await f.call('/v1/keyset', { method: 'POST' })).status).toBe(405);
  });
});
