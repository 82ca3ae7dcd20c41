import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../../shared/catalogs/scopes';
import { generateInput } from '../../support/generate-input';
import { openTestCore, type TestCore } from '../../support/open-test-core';

describe('apps', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await openTestCore({ clock: { now: () => new Date('2026-11-23T10:00:00.000Z') } });
  });
  afterEach(() => t.dispose());

  it('creates an app with a derived prefix, the default scope catalog and an activity record', async () => {
    const app = await t.core.apps.create({ name: 'Pyas', description: 'Social accounts' });
    expect(app).toMatchObject({ name: 'Pyas', description: 'Social accounts', keyPrefix: 'pyas' });
    expect(app.createdAt).toBe('2026-11-23T10:00:00.000Z');
    expect(app.scopes.map((s) => s.id)).toEqual(DEFAULT_SCOPES.map((s) => s.id));
    expect(t.core.activity.list({ appId: app.id })).toMatchObject([{ type: 'app.created', appId: app.id, seq: 1 }]);
  });

  it("says how the app's keys are sent: x-api-key unless chosen, changed in Settings with an activity record", async () => {
    const pyas = await t.core.apps.create({ name: 'Pyas' });
    expect(pyas.headerScheme).toBe('x-api-key');
    const atfinity = await t.core.apps.create({ name: 'atfinity', headerScheme: 'api-key' });
    expect(t.core.apps.get(atfinity.id).headerScheme).toBe('api-key');
    const updated = await t.core.apps.update({ appId: atfinity.id, headerScheme: 'bearer' });
    expect(updated.headerScheme).toBe('bearer');
    expect(t.core.apps.get(atfinity.id).headerScheme).toBe('bearer');
    expect(t.core.activity.list({ appId: atfinity.id })[0]).toMatchObject({
      type: 'app.updated',
      summary: 'App "atfinity": keys now sent as Bearer (was Api-Key)',
    });
  });

  it('creates an app with no scopes when asked (atfinity, nexos.ai), whose keys carry none and verify', async () => {
    const nexos = await t.core.apps.create({ name: 'nexos.ai', headerScheme: 'bearer', scopes: 'none' });
    expect(nexos.scopes).toEqual([]);
    const generated = await t.core.keys.generate(generateInput(nexos.id, { scopes: [] }));
    expect(generated.key.scopes).toEqual([]);
    expect((await t.core.keys.verify(`Bearer ${generated.plaintext}`, 'bearer')).code).toBe('VALID');
    // An app without scopes refuses a key that asks for one.
    await expect(t.core.keys.generate(generateInput(nexos.id))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses a duplicate name (case-insensitive) and keeps prefixes unique', async () => {
    await t.core.apps.create({ name: 'Pyas' });
    await expect(t.core.apps.create({ name: 'PYAS' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const second = await t.core.apps.create({ name: 'Pyas!' });
    expect(second.keyPrefix).toBe('pyas2');
  });

  it('lists apps by name with key counts', async () => {
    const b = await t.core.apps.create({ name: 'beta' });
    await t.core.apps.create({ name: 'Alpha' });
    await t.core.keys.generate(generateInput(b.id));
    expect(t.core.apps.list().map((a) => [a.name, a.keyCount, a.activeKeyCount])).toEqual([
      ['Alpha', 0, 0],
      ['beta', 1, 1],
    ]);
  });

  it('returns copies: mutating a result never changes the store', async () => {
    const app = await t.core.apps.create({ name: 'Pyas' });
    app.name = 'Hacked';
    t.core.apps.get(app.id).scopes.pop();
    expect(t.core.apps.get(app.id).name).toBe('Pyas');
    expect(t.core.apps.get(app.id).scopes).toHaveLength(9);
  });
});
