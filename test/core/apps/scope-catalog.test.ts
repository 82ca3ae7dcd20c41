import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateInput } from '../../support/generate-input';
import { openTestCore, type TestCore } from '../../support/open-test-core';

describe('app settings and the scope catalog', () => {
  let t: TestCore;
  let appId: string;
  beforeEach(async () => {
    t = await openTestCore();
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  it('adds, renames and removes scopes; removal narrows the keys that had it', async () => {
    await t.core.scopes.add({ appId, id: 'write:posts', label: 'Write posts' });
    const key = await t.core.keys.generate(generateInput(appId, { scopes: ['read:items', 'write:posts'] }));
    const renamed = await t.core.scopes.rename({ appId, scopeId: 'write:posts', label: 'Publish posts' });
    expect(renamed.scopes.find((s) => s.id === 'write:posts')?.label).toBe('Publish posts');
    const removed = await t.core.scopes.remove(appId, 'write:posts');
    expect(removed.scopes.map((s) => s.id)).not.toContain('write:posts');
    expect(t.core.keys.list(appId).find((k) => k.id === key.key.id)?.scopes).toEqual(['read:items']);
    expect((await t.core.keys.verifyKey(key.plaintext, 'write:posts')).code).toBe('INSUFFICIENT_SCOPE');
    const summaries = t.core.activity
      .list({ appId })
      .filter((r) => r.type === 'scopes.changed')
      .map((r) => r.summary);
    expect(summaries[0]).toContain('removed from 1 key');
    expect(summaries).toHaveLength(3);
  });

  it('refuses duplicate identifiers and names, and unknown scopes', async () => {
    await expect(t.core.scopes.add({ appId, id: 'read:items', label: 'Other' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(t.core.scopes.add({ appId, id: 'read:x', label: 'read items' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(t.core.scopes.remove(appId, 'read:nothing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.core.keys.generate(generateInput(appId, { scopes: ['read:nothing'] }))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('changes the key prefix for new keys only; old keys keep theirs and still verify', async () => {
    const old = await t.core.keys.generate(generateInput(appId));
    const app = await t.core.apps.update({ appId, keyPrefix: 'pyasprod', name: 'Pyas Production' });
    expect(app).toMatchObject({ keyPrefix: 'pyasprod', name: 'Pyas Production' });
    const fresh = await t.core.keys.generate(generateInput(appId, { name: 'New' }));
    expect(fresh.plaintext.startsWith('pyasprod_')).toBe(true);
    expect((await t.core.keys.verifyKey(old.plaintext)).code).toBe('VALID');
    expect(t.core.keys.list(appId).map((k) => k.keyPrefix)).toEqual(['pyasprod', 'pyas']);
  });

  it('refuses a prefix or name another app has', async () => {
    await t.core.apps.create({ name: 'Cerby' });
    await expect(t.core.apps.update({ appId, keyPrefix: 'cerby' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(t.core.apps.update({ appId, name: 'cerby' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(t.core.apps.get(appId)).toMatchObject({ name: 'Pyas', keyPrefix: 'pyas' });
  });
});
