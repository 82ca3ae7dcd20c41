import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/api/dispatch';
import { createHandlers, type Handlers } from '../../../electron/core/api/handlers';
import { hostOf } from '../../../electron/core/core-host';
import { CHANNELS } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { openTestCore, type TestCore } from '../../support/open-test-core';

const SECRET = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0abcdef';

describe('dispatch', () => {
  let t: TestCore;
  let handlers: Handlers;
  let logged: string[];
  const log = (line: string) => logged.push(line);

  beforeEach(async () => {
    t = await openTestCore();
    handlers = createHandlers(hostOf(t.core));
    logged = [];
  });
  afterEach(() => t.dispose());

  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
  });

  it('answers INVALID_INPUT for unknown channels and bad payloads, without echoing the input', async () => {
    expect(await dispatch(handlers, 'fs:readFile', {}, log)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    for (const bad of [null, 42, 'x', [], { name: 7 }, { name: 'ok', extra: 1 }, { name: '' }]) {
      const result = await dispatch(handlers, 'apps:create', bad ?? undefined, log);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    }
    const withSecret = await dispatch(handlers, 'apps:create', { name: SECRET, admin: SECRET }, log);
    expect(JSON.stringify(withSecret)).not.toContain(SECRET);
    expect(t.core.apps.list()).toEqual([]);
  });

  it('never echoes an object key the caller chose: unknown fields and bad record keys', async () => {
    const vaultId = t.core.vaults.vaults.listVaults()[0]!.id;
    const unknownField = await dispatch(handlers, 'vaults:create', { name: 'Team', [SECRET]: 1 }, log);
    expect(unknownField).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Unexpected field.' } });
    const badRecordKey = await dispatch(
      handlers,
      'vaults:import',
      { vaultId, contents: 'x', passphrase: 'p', choices: { [SECRET]: 'skip' } },
      log,
    );
    expect(badRecordKey).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'choices' } });
    expect(JSON.stringify(badRecordKey)).toContain('Invalid key in record');
    expect(JSON.stringify([unknownField, badRecordKey, logged])).not.toContain(SECRET);
  });

  it('returns values that match the contract', async () => {
    const created = await dispatch(handlers, 'apps:create', { name: 'Pyas' }, log);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(contract['apps:create'].response.safeParse(created.value).success).toBe(true);
    const app = contract['apps:create'].response.parse(created.value);
    const generated = await dispatch(
      handlers,
      'keys:generate',
      { appId: app.id, name: 'Production', expiration: { kind: 'never' }, scopes: ['read:items'] },
      log,
    );
    expect(contract['keys:generate'].response.safeParse(generated.ok && generated.value).success).toBe(true);
    const list = await dispatch(handlers, 'keys:list', { appId: app.id }, log);
    expect(contract['keys:list'].response.safeParse(list.ok && list.value).success).toBe(true);
    const status = await dispatch(handlers, 'system:status', {}, log);
    expect(contract['system:status'].response.safeParse(status.ok && status.value).success).toBe(true);
  });

  it('puts a contract failure on its field, in words without the path', async () => {
    const app = await t.core.apps.create({ name: 'Pyas' });
    const input = { appId: app.id, name: ' ', expiration: { kind: 'never' }, scopes: ['read:items'] };
    expect(await dispatch(handlers, 'keys:generate', input, log)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'API key name is required.', field: 'name' },
    });
    expect(await dispatch(handlers, 'testApi:start', { port: 70_000 }, log)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'port' },
    });
  });

  it('maps domain errors to their codes, with the field a service names', async () => {
    await dispatch(handlers, 'apps:create', { name: 'Pyas' }, log);
    expect(await dispatch(handlers, 'apps:create', { name: 'pyas' }, log)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'An app named "pyas" already exists.', field: 'name' },
    });
    const other = await t.core.apps.create({ name: 'Atfinity' });
    expect(await dispatch(handlers, 'apps:update', { appId: other.id, keyPrefix: 'pyas' }, log)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'keyPrefix' },
    });
    expect(
      await dispatch(handlers, 'apps:addScope', { appId: other.id, id: 'read:items', label: 'Other' }, log),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'id' },
    });
    expect(
      await dispatch(handlers, 'apps:addScope', { appId: other.id, id: 'read:more', label: 'Read items' }, log),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'label' },
    });
    expect(await dispatch(handlers, 'vaults:create', { name: 'personal' }, log)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'name' },
    });
    expect(await dispatch(handlers, 'apps:get', { appId: '00000000-0000-4000-8000-000000000000' }, log)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('turns an unexpected throw into INTERNAL with a reference, and keeps secrets out of message and log', async () => {
    const throwing: Handlers = {
      ...handlers,
      'apps:list': () => {
        throw new Error(`boom while handling ${SECRET}`);
      },
    };
    const result = await dispatch(throwing, 'apps:list', {}, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('1M2baTIH');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('apps:list');
    expect(logged[0]).not.toContain('1M2baTIH');
    const reference = /reference ([0-9a-f]{8})/.exec(result.ok ? '' : result.error.message)?.[1];
    expect(logged[0]).toContain(`ref ${reference}`);
  });
});
