// Environments (issue 13): named sets of variables, one chosen; a plain value that looks like a key is
// refused (it would sit in console.json in clear), a kh:// reference is checked for its form.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleService } from '../../../electron/core/console/console-service';
import { createEnvironmentInputSchema } from '../../../shared/console/environments';
import { closeConsole, openConsole, type ConsoleFixture } from './history-fixture';

let fixture: ConsoleFixture;
let service: ConsoleService;
beforeEach(async () => {
  fixture = await openConsole();
  service = fixture.service;
});
afterEach(() => closeConsole(fixture));

const issues = (input: unknown) => {
  const parsed = createEnvironmentInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe('environments', () => {
  it('creates, chooses, renames, deletes; the first one made is chosen', async () => {
    const local = await service.environments.create('Local', [{ name: 'baseUrl', value: 'http://localhost:3000' }]);
    const prod = await service.environments.create('Production', []);
    expect(service.environments.view()).toMatchObject({ activeId: local.id });
    await service.environments.select(prod.id);
    await service.environments.update(prod.id, { name: 'Prod' });
    expect(service.environments.active()?.name).toBe('Prod');
    await expect(service.environments.create('prod', [])).rejects.toMatchObject({ code: 'CONFLICT' });
    await service.environments.remove(prod.id);
    expect(service.environments.view().activeId).toBeNull();
    await service.environments.select(null);
    await expect(service.environments.select(prod.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a key as a plain value and asks for a vault reference instead', () => {
    const key = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9';
    expect(issues({ name: 'Local', variables: [{ name: 'anything', value: key }] })).toEqual([
      'The value of anything looks like a key. Keep the key in a vault and write its reference here (kh://vault/entry).',
    ]);
    expect(issues({ name: 'Local', variables: [{ name: 'stripe', value: 'sk_live_abc' }] })).toHaveLength(1);
    expect(issues({ name: 'Local', variables: [{ name: 'apiToken', value: 'f3a9c2e1b7d84a6f9e0c' }] })).toHaveLength(1);
    // Not keys: a header name in a variable called …Key, a reference, a URL.
    expect(
      issues({
        name: 'Local',
        variables: [
          { name: 'apiKeyHeader', value: 'X-API-Key' },
          { name: 'apiKey', value: 'kh://Personal/Pyas%20production' },
          { name: 'baseUrl', value: 'https://api.pyas.com' },
        ],
      }),
    ).toEqual([]);
  });

  it('explains a malformed reference, a duplicate and a bad name', () => {
    expect(issues({ name: 'L', variables: [{ name: 'apiKey', value: 'kh://only-vault' }] })[0]).toMatch(
      /should have a vault and an entry/,
    );
    expect(
      issues({
        name: 'L',
        variables: [
          { name: 'a', value: '1' },
          { name: 'a', value: '2' },
        ],
      }),
    ).toEqual(['a is defined twice.']);
    expect(issues({ name: 'L', variables: [{ name: '1st', value: '' }] })[0]).toMatch(/starts with a letter or _/);
    expect(issues({ name: 'L', variables: [{ name: 'x', value: 'a\nb' }] })).toEqual([
      "A variable's value cannot contain line breaks.",
    ]);
  });
});
