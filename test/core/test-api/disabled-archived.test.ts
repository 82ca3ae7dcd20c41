import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFixture, type Fixture } from './test-api-fixture';

/** Issue 14: a disabled key, a revoked key (hidden in the table by default) and an archived app's key. */
describe('local test API: disabled keys, revoked keys and archived apps', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => f.dispose());

  const whoami = (key: string) => f.call('/v1/whoami', { headers: { authorization: `Bearer ${key}` } });
  const verify = (key: string) =>
    f.call('/v1/keys/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key }),
    });

  it('answers 401 DISABLED for a disabled key, and 200 again once it is enabled', async () => {
    const { plaintext, key } = await f.issue();
    await f.t.core.issuing.disable(key.id);
    const refused = await whoami(plaintext);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      code: 'DISABLED',
      message: 'This API key is disabled for now: it works again once it is enabled in Keyhaven.',
    });
    expect(await (await verify(plaintext)).json()).toMatchObject({ valid: false, code: 'DISABLED' });
    expect((await f.call('/v1/scopes/read:items', { headers: { 'x-api-key': plaintext } })).status).toBe(401);

    await f.t.core.issuing.enable(key.id);
    expect((await whoami(plaintext)).status).toBe(200);
    expect(await (await verify(plaintext)).json()).toMatchObject({ valid: true, code: 'VALID' });
  });

  it('answers 401 REVOKED for a revoked key', async () => {
    const { plaintext, key } = await f.issue();
    await f.t.core.issuing.revoke(key.id);
    const refused = await whoami(plaintext);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'REVOKED' });
  });

  it('answers 401 REVOKED for every key of an archived app, disabled ones included', async () => {
    const live = await f.issue({ name: 'Live' });
    const paused = await f.issue({ name: 'Paused' });
    await f.t.core.issuing.disable(paused.key.id);
    await f.t.core.appRetirement.archive(f.appId);
    for (const { plaintext } of [live, paused]) {
      const refused = await whoami(plaintext);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ code: 'REVOKED' });
      expect(await (await verify(plaintext)).json()).toMatchObject({ valid: false, code: 'REVOKED' });
    }
  });
});
