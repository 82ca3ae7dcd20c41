// The entries:* channels through window.keyhaven over the real core: add, list, update, reveal, copy, delete.
import { describe, expect, it } from 'vitest';
import type { HeaderScheme } from '../../../shared/catalogs/service-presets';
import type { KeyhavenApi } from '../../../shared/ipc/api';
import { addEntry, api, fails, logged, ok, openApiForEachTest, personal, SECRET, t } from './vault-channels-fixture';

openApiForEachTest();

describe('entries channels', () => {
  it('add splits a pasted header, the preset fills the scheme; list, update with history, delete', async () => {
    const a = await personal();
    const pasted = ok(
      'entries:add',
      await api.entries.add({
        vaultId: a.id,
        name: 'Extracta',
        preset: 'pyas',
        secret: `Authorization: Bearer ${SECRET}`,
      }),
    );
    expect(pasted).toMatchObject({ kind: 'external', service: 'Pyas', scheme: { kind: 'bearer' }, secretVersion: 1 });
    expect(JSON.stringify(pasted)).not.toContain(SECRET);
    const preset = ok(
      'entries:add',
      await api.entries.add({ vaultId: a.id, name: 'atf', preset: 'atfinity', secret: 'atf_1' }),
    );
    expect(preset.scheme).toEqual({ kind: 'api-key' });
    const listed = ok('entries:list', await api.entries.list({ vaultId: a.id }));
    expect(listed.map((e) => e.name)).toEqual(['Extracta', 'atf']);
    expect(JSON.stringify(listed)).not.toContain(SECRET);

    const updated = ok(
      'entries:update',
      await api.entries.update({ entryId: pasted.id, secret: 'second-value', notes: 'rotated by hand' }),
    );
    expect(updated).toMatchObject({ secretVersion: 2, notes: 'rotated by hand', history: [{ version: 1 }] });
    expect(ok('entries:reveal', await api.entries.reveal({ entryId: pasted.id }))).toEqual({
      secret: 'second-value',
      version: 2,
    });
    expect(ok('entries:reveal', await api.entries.reveal({ entryId: pasted.id, version: 1 }))).toEqual({
      secret: SECRET,
      version: 1,
    });
    fails(await api.entries.reveal({ entryId: pasted.id, version: 7 }), 'NOT_FOUND');

    expect(ok('entries:delete', await api.entries.delete({ entryId: pasted.id }))).toBeNull();
    fails(await api.entries.delete({ entryId: pasted.id }), 'NOT_FOUND');
    fails(await api.entries.reveal({ entryId: pasted.id }), 'NOT_FOUND');
    fails(await api.entries.update({ entryId: pasted.id, name: 'x' }), 'NOT_FOUND');
    fails(await api.entries.copy({ entryId: pasted.id, format: 'value' }), 'NOT_FOUND');
    fails(await api.entries.add({ vaultId: crypto.randomUUID(), name: 'n', secret: SECRET }), 'NOT_FOUND', SECRET);
  });

  it('INVALID_INPUT messages never contain the submitted secret', async () => {
    const a = await personal();
    const bad: Array<Parameters<KeyhavenApi['entries']['add']>[0]> = [
      { vaultId: a.id, name: '', secret: SECRET },
      { vaultId: a.id, name: 'n', secret: `${SECRET}${'x'.repeat(16_384)}` },
      { vaultId: a.id, name: 'n', secret: '   ' },
      { vaultId: a.id, name: 'n', secret: SECRET, baseUrl: `ftp://${SECRET}` },
      { vaultId: a.id, name: 'n', secret: SECRET, allowedHosts: [`${SECRET}/path`] },
      { vaultId: a.id, name: 'n', secret: SECRET, scheme: { kind: 'header', name: `${SECRET} with spaces` } },
      { vaultId: a.id, name: SECRET.repeat(10), secret: SECRET },
      { vaultId: a.id, name: 'n', secret: SECRET, expiresAt: SECRET },
      { vaultId: `${SECRET}`, name: 'n', secret: SECRET },
    ];
    for (const input of bad) fails(await api.entries.add(input), 'INVALID_INPUT', SECRET);
    const entry = await addEntry(a.id, 'n');
    fails(await api.entries.update({ entryId: entry.id, secret: SECRET, baseUrl: SECRET }), 'INVALID_INPUT', SECRET);
    fails(await api.entries.update({ entryId: entry.id, secret: 'y'.repeat(20_000) }), 'INVALID_INPUT', 'yyyyyyyy');
    expect(ok('entries:list', await api.entries.list({ vaultId: a.id }))).toHaveLength(1);
    expect(logged).toEqual([]);
  });

  it('copy puts the value or the header line on the clipboard in main, for all five schemes', async () => {
    const a = await personal();
    const K = 'k3y_Abc.123-XYZ~9';
    const cases: Array<[HeaderScheme, string]> = [
      [{ kind: 'x-api-key' }, `x-api-key: ${K}`],
      [{ kind: 'api-key' }, `Authorization: Api-Key ${K}`],
      [{ kind: 'bearer' }, `Authorization: Bearer ${K}`],
      [{ kind: 'header', name: 'X-Token' }, `X-Token: ${K}`],
      [{ kind: 'query', name: 'api_key' }, `api_key=${K}`],
    ];
    for (const [scheme, line] of cases) {
      const entry = await addEntry(a.id, `entry ${scheme.kind}`, K, scheme);
      expect(entry.scheme).toEqual(scheme);
      expect(ok('entries:copy', await api.entries.copy({ entryId: entry.id, format: 'value' }))).toEqual({
        copyId: expect.any(String),
        clearsAfterSeconds: 30,
      });
      expect(t.platform.text).toBe(K);
      ok('entries:copy', await api.entries.copy({ entryId: entry.id, format: 'header' }));
      expect(t.platform.text).toBe(line);
    }
    expect(t.platform.writes).toHaveLength(10);
    fails(await api.entries.copy({ entryId: crypto.randomUUID(), format: 'value' }), 'NOT_FOUND');
    // Nothing secret went back to the caller: the answer is the delay only.
    await t.platform.runTimers();
    expect(t.platform.text).toBe('');
  });

  it('a query-parameter copy encodes the key for a URL', async () => {
    const a = await personal();
    const entry = await addEntry(a.id, 'q', 'a b&c=d', { kind: 'query', name: 'key' });
    ok('entries:copy', await api.entries.copy({ entryId: entry.id, format: 'header' }));
    expect(t.platform.text).toBe('key=a%20b%26c%3Dd');
  });

  it('restore (Undo) takes only an entry id, validated, and brings back the deleted entry with its key', async () => {
    const a = await personal();
    const entry = await addEntry(a.id, 'Pyas prod');
    ok('entries:delete', await api.entries.delete({ entryId: entry.id }));
    fails(await api.entries.restore({ entryId: 'not-an-id' }), 'INVALID_INPUT');
    fails(await api.entries.restore({ entryId: entry.id, secret: SECRET } as never), 'INVALID_INPUT', SECRET);
    const restored = ok('entries:restore', await api.entries.restore({ entryId: entry.id }));
    expect(restored).toMatchObject({ id: entry.id, name: 'Pyas prod' });
    expect(JSON.stringify(restored)).not.toContain(SECRET);
    expect(ok('entries:reveal', await api.entries.reveal({ entryId: entry.id })).secret).toBe(SECRET);
    fails(await api.entries.restore({ entryId: entry.id }), 'NOT_FOUND');
  });
});
