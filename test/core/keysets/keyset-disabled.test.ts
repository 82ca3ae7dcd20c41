import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVerifier } from '../../../shared/verify/index';
import { parseKeyset, type Keyset } from '../../../shared/verify/keyset';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';

describe('keysets carry disabled keys, so a service answers DISABLED', () => {
  let t: TestCore;
  let clock: ManualClock;
  let appId: string;
  beforeEach(async () => {
    clock = new ManualClock('2026-12-01T09:00:00.000Z');
    t = await openTestCore({ clock });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  async function serviceFor(text: string) {
    const { publicKey } = await t.core.keysets.status(appId);
    const secret = (await t.core.secrets.pepperOf(appId)).toString('base64url');
    return createVerifier({ keyset: text, publicKey, secret, now: () => clock.now().getTime() });
  }

  it('lists a disabled key by id only, and back with its digest once enabled', async () => {
    const live = await t.core.issuing.generate(generateInput(appId, { name: 'Live' }));
    const paused = await t.core.issuing.generate(generateInput(appId, { name: 'Paused' }));
    await t.core.issuing.disable(paused.key.id);

    const text = await t.core.keysets.export(appId);
    const keyset = JSON.parse(text) as Keyset;
    expect(keyset.keys.map((k) => k.keyId)).toEqual([live.key.keyId]);
    expect(keyset.disabled).toEqual([{ keyId: paused.key.keyId, disabledAt: '2026-12-01T09:00:00.000Z' }]);
    expect(keyset.revoked).toEqual([]);
    const service = await serviceFor(text);
    expect(await service.verify(paused.plaintext)).toMatchObject({ valid: false, code: 'DISABLED' });
    expect(await service.verify(live.plaintext)).toMatchObject({ valid: true, code: 'VALID' });

    await t.core.issuing.enable(paused.key.id);
    const after = await t.core.keysets.export(appId);
    expect((JSON.parse(after) as Keyset).disabled).toBeUndefined();
    expect(await service.update(after)).toMatchObject({ accepted: true });
    expect(await service.verify(paused.plaintext)).toMatchObject({ valid: true, code: 'VALID' });
  });

  it('refuses a keyset whose disabled list is malformed', () => {
    const base = { format: 'keyhaven-keyset', version: 1, app: { id: 'a', name: 'P', prefix: 'p' }, sequence: 1 };
    const dates = { issuedAt: '2026-12-01T09:00:00.000Z', validUntil: '2026-12-08T09:00:00.000Z' };
    const signature = { alg: 'Ed25519', value: 'x' };
    const raw = { ...base, ...dates, keys: [], revoked: [], signature, disabled: [{ keyId: 'k' }] };
    expect(() => parseKeyset(raw)).toThrow('A disabled key in the keyset is malformed.');
  });
});
