import { describe, expect, it } from 'vitest';
import { keyhaven, keyhavenOk, useDataFolders } from '../support/keyhaven-cli';
import { expectFailure, vaultsJson } from './cli-fixtures';
import {
  identity,
  read,
  team,
  teamJson,
  useTeamRemote,
  type StatusJson,
  type SyncJson,
  type IdentityJson,
  vaultWith,
} from './team-cli-fixtures';

const STRIPE = 'sk_live_T3amV4ultCl1Q9wE7rT5yU3';
const STRIPE_BOB = 'sk_live_B0bCh4ng3dZ8xC6vB4nM2qW0';

// Real git processes and several command runs per step: seconds each on a busy 2-CPU runner.
describe('keyhaven team: two members through a bare repository (real CLI, real git)', { timeout: 120_000 }, () => {
  const newDataDir = useDataFolders();
  const folders = useTeamRemote();

  it('identity, init, add, join, an edit synced both ways, status, remove', async () => {
    const alice = newDataDir();
    const bob = newDataDir();

    // No identity and no --name: a clear refusal that says what to pass, and nothing made.
    expect(expectFailure(await team(alice, ['identity']), 2)).toContain('--name');
    const aliceId = await identity(alice, 'Alice');
    expect(aliceId.line).toMatch(/^keyhaven-member:v1 age1[0-9a-z]{58} [A-Za-z0-9_-]{43} Alice$/);
    expect(aliceId.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    // Asked again, the same identity; the text form is the line alone on stdout.
    expect(await keyhavenOk(['team', 'identity'], { dataDir: alice })).toBe(`${aliceId.line}\n`);
    const bobId = await identity(bob, 'Bob Builder');

    await vaultWith(alice, 'Payments', 'Stripe', STRIPE);
    const shared = await teamJson<StatusJson>(alice, ['init', 'Payments', '--repo', folders.remote()]);
    expect(shared).toMatchObject({ name: 'Payments', url: folders.remote(), readOnly: false, former: [] });
    expect(shared.members).toEqual([{ name: 'Alice', fingerprint: aliceId.fingerprint, readOnly: false, me: true }]);
    expect(shared.lastSync?.state).toBe('synced');

    // Bob cannot join before he is added; no vault is left behind.
    const bobVaults = await vaultsJson(bob);
    expectFailure(await team(bob, ['join', folders.remote()]), 3);
    expect(await vaultsJson(bob)).toEqual(bobVaults);

    // The line as the rest of the arguments (its name has a space: two words).
    const added = await teamJson<StatusJson>(alice, ['add', 'Payments', ...bobId.line.split(' ')]);
    expect(added.members.map((m) => [m.name, m.me, m.readOnly])).toEqual([
      ['Alice', true, false],
      ['Bob Builder', false, false],
    ]);

    // "Team vault" is taken on Bob's side: the joined vault gets the next free name.
    await keyhavenOk(['vault', 'create', 'Team vault'], { dataDir: bob });
    const joined = await teamJson<StatusJson>(bob, ['join', folders.remote()]);
    expect(joined.name).toBe('Team vault 2');
    expect(joined.members.find((m) => m.me)?.name).toBe('Bob Builder');
    expect(await read(bob, 'kh://Team%20vault%202/Stripe')).toBe(STRIPE);

    // An edit on Bob's side reaches Alice with one sync each.
    await keyhavenOk(['vault', 'set', 'Team vault 2', 'Stripe'], { dataDir: bob, input: STRIPE_BOB });
    const bobSync = await team(bob, ['sync']);
    expect(bobSync.code).toBe(0);
    expect(bobSync.stdout).toMatch(/^Team vault 2: synced — 1 sent, 0 received, 0 deleted$/m);
    const [aliceSync] = await teamJson<SyncJson[]>(alice, ['sync', 'Payments']);
    expect(aliceSync).toMatchObject({ vault: 'Payments', state: 'synced', sent: 0, received: 1, deleted: 0 });
    expect(await read(alice, 'kh://Payments/Stripe')).toBe(STRIPE_BOB);

    const status = await keyhavenOk(['team', 'status', 'Payments'], { dataDir: alice });
    expect(status).toContain(`Repository:  ${folders.remote()}`);
    expect(status).toMatch(new RegExp(`^Alice\\s+${aliceId.fingerprint}\\s+read and write\\s+you$`, 'm'));
    expect(status).toMatch(new RegExp(`^Bob Builder\\s+${bobId.fingerprint}\\s+read and write$`, 'm'));
    expect(status).not.toContain('Last synced: never');

    const removal = await keyhavenOk(['team', 'remove', 'Payments', 'Bob Builder'], { dataDir: alice });
    expect(removal).toContain('Removed "Bob Builder" from "Payments"');
    expect(removal).toContain('Seen by a removed member — rotate');
    expect(removal).toMatch(/^ {2}Stripe$/m);

    const after = await teamJson<StatusJson>(alice, ['status', 'Payments']);
    expect(after.members.map((m) => m.name)).toEqual(['Alice']);
    expect(after.former.map((m) => [m.name, m.fingerprint])).toEqual([['Bob Builder', bobId.fingerprint]]);

    // Bob's next sync says he was removed, and exits 8 (not synced).
    const removed = await team(bob, ['sync']);
    expect(removed.code).toBe(8);
    expect(removed.stdout).toMatch(/^Team vault 2: removed from the team/m);
  });

  it('add reads the line from stdin, --read-only; remove by grouped fingerprint; --json removal shape', async () => {
    const alice = newDataDir();
    const carol = newDataDir();
    await identity(alice, 'Alice');
    const carolId = await identity(carol, 'Carol');
    await vaultWith(alice, 'Infra', 'Datadog', 'dd_secret_canary_7731');
    const { vaultId } = await teamJson<StatusJson>(alice, ['init', 'Infra', '--repo', folders.remote()]);

    // By id as well as by name, and the line piped in.
    const added = await teamJson<StatusJson>(alice, ['add', vaultId, '-', '--read-only'], `${carolId.line}\n`);
    expect(added.members.find((m) => m.name === 'Carol')).toMatchObject({ readOnly: true, me: false });
    const joined = await teamJson<StatusJson>(carol, ['join', folders.remote(), '--name', 'Infra']);
    expect(joined.readOnly).toBe(true);
    expect(await keyhavenOk(['team', 'status', 'Infra'], { dataDir: carol })).toContain('Access:      read-only');

    const removal = await teamJson<{
      removed: string;
      exposed: { id: string; name: string; issued: boolean }[];
      status: StatusJson;
    }>(alice, ['remove', 'Infra', carolId.fingerprint]);
    expect(removal.removed).toBe('Carol');
    expect(removal.exposed).toEqual([{ id: expect.any(String), name: 'Datadog', issued: false }]);
    expect(removal.status).toMatchObject({ name: 'Infra', vaultId, members: [expect.objectContaining({ me: true })] });
  });

  it('sync names a merged conflict by member name; the teammate then takes the kept change', async () => {
    const alice = newDataDir();
    const bob = newDataDir();
    await identity(alice, 'Alice');
    const bobId = await identity(bob, 'Bob');
    await vaultWith(alice, 'Payments', 'Stripe', STRIPE);
    await teamJson<StatusJson>(alice, ['init', 'Payments', '--repo', folders.remote()]);
    await teamJson<StatusJson>(alice, ['add', 'Payments', bobId.line]);
    await teamJson<StatusJson>(bob, ['join', folders.remote(), '--name', 'Payments']);

    // Both change the key before either syncs; Alice's change is the later one, so it is kept.
    await keyhavenOk(['vault', 'set', 'Payments', 'Stripe'], { dataDir: bob, input: STRIPE_BOB });
    await keyhavenOk(['vault', 'set', 'Payments', 'Stripe'], { dataDir: alice, input: `${STRIPE}_alice` });
    expect((await team(bob, ['sync'])).code).toBe(0);
    const run = await team(alice, ['sync']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^ {2}"Stripe": changed on both sides; Alice's newer key kept, Bob's older value in its history$/m,
    );
    const [again] = await teamJson<SyncJson[]>(bob, ['sync']);
    expect(again?.received).toBe(1);
    expect(await read(bob, 'kh://Payments/Stripe')).toBe(`${STRIPE}_alice`);
  });

  it('sync without a vault and without team vaults prints how to start, and exits 0', async () => {
    const alice = newDataDir();
    const run = await team(alice, ['sync']);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('keyhaven team init');
    expect(JSON.parse(await keyhavenOk(['team', 'sync', '--json'], { dataDir: alice }))).toEqual([]);
  });

  it('sync of an unreachable repository: offline, the change waits, exit 8', async () => {
    const alice = newDataDir();
    await identity(alice, 'Alice');
    await vaultWith(alice, 'Payments', 'Stripe', STRIPE);
    await teamJson<StatusJson>(alice, ['init', 'Payments', '--repo', folders.remote()]);
    await keyhavenOk(['vault', 'set', 'Payments', 'Stripe'], { dataDir: alice, input: STRIPE_BOB });
    const { renameSync } = await import('node:fs');
    renameSync(folders.remote(), `${folders.remote()}.away`);
    const run = await team(alice, ['sync']);
    expect(run.code).toBe(8);
    expect(run.stdout).toMatch(/^Payments: offline \(1 change waiting\)/m);
    renameSync(`${folders.remote()}.away`, folders.remote());
    const [back] = await teamJson<SyncJson[]>(alice, ['sync']);
    expect(back).toMatchObject({ state: 'synced', ahead: 0 });
  });
});

describe('keyhaven team: bad input is refused and changes nothing', { timeout: 120_000 }, () => {
  const newDataDir = useDataFolders();
  const folders = useTeamRemote();

  it('unknown vaults exit 3; a vault not shared with a team exits 3', async () => {
    const alice = newDataDir();
    await identity(alice, 'Alice');
    await keyhavenOk(['vault', 'create', 'Solo'], { dataDir: alice });
    const runs = [
      await team(alice, ['init', 'Nowhere', '--repo', folders.remote()]),
      await team(alice, ['status', 'Nowhere']),
      await team(alice, ['sync', 'Nowhere']),
      await team(alice, ['remove', 'Nowhere', 'Bob']),
      await team(alice, ['add', 'Nowhere', 'keyhaven-member:v1', 'x', 'y', 'Bob']),
    ];
    for (const run of runs) expect(expectFailure(run, 3)).toContain('Nowhere');
    expect(expectFailure(await team(alice, ['status', 'Solo']), 3)).toContain('not shared with a team');
  });

  it('refuses repository addresses git would read as an option or a command, and relative paths', async () => {
    const alice = newDataDir();
    await identity(alice, 'Alice');
    await keyhavenOk(['vault', 'create', 'Solo'], { dataDir: alice });
    const before = await vaultsJson(alice);
    for (const repo of ['-x', '--upload-pack=touch /tmp/kh-pwned', 'ext::sh -c touch% /tmp/kh-pwned', 'team.git']) {
      expectFailure(await team(alice, ['init', 'Solo', `--repo=${repo}`]), 2);
      expectFailure(await team(alice, ['join', '--', repo]), 2);
    }
    expectFailure(await team(alice, ['status', 'Solo']), 3);
    expect(await vaultsJson(alice)).toEqual(before);
  });

  it('a bad member line exits 2 and leaves the members as they were', async () => {
    const alice = newDataDir();
    await identity(alice, 'Alice');
    await keyhavenOk(['vault', 'create', 'Payments'], { dataDir: alice });
    await teamJson<StatusJson>(alice, ['init', 'Payments', '--repo', folders.remote()]);
    const good = (await identity(newDataDir(), 'Bob')).line;
    const mistyped = good.replace(/age1(.)/, (_, c: string) => `age1${c === 'q' ? 'p' : 'q'}`);
    for (const line of ['hello there', mistyped, '']) {
      expectFailure(await team(alice, ['add', 'Payments', '-'], line), 2);
    }
    expectFailure(await team(alice, ['remove', 'Payments', 'Nobody']), 3);
    const status = await teamJson<StatusJson>(alice, ['status', 'Payments']);
    expect(status.members.map((m) => m.name)).toEqual(['Alice']);
  });

  it('init of a vault already shared exits 6; identity flags that need --export exit 2', async () => {
    const alice = newDataDir();
    await identity(alice, 'Alice');
    await keyhavenOk(['vault', 'create', 'Payments'], { dataDir: alice });
    await teamJson<StatusJson>(alice, ['init', 'Payments', '--repo', folders.remote()]);
    expectFailure(await team(alice, ['init', 'Payments', '--repo', `${folders.root()}/other.git`]), 6);
    expectFailure(await team(alice, ['identity', '--plain']), 2);
    expectFailure(await team(alice, ['identity', '--export', '--plain', '--passphrase-stdin']), 2);
    expectFailure(await team(alice, ['identity', '--export', '--passphrase-stdin'], ''), 2);
  });

  it('init without an identity and without --member-name asks for a name and shares nothing', async () => {
    const alice = newDataDir();
    await keyhavenOk(['vault', 'create', 'Payments'], { dataDir: alice });
    expectFailure(await team(alice, ['init', 'Payments', '--repo', folders.remote()]), 2);
    const status = await team(alice, ['status', 'Payments']);
    expect(status.code).not.toBe(0);
    const made = await teamJson<StatusJson>(alice, [
      ...['init', 'Payments', '--repo', folders.remote(), '--member-name', 'Alice A'],
    ]);
    expect(made.members).toEqual([expect.objectContaining({ name: 'Alice A', me: true })]);
    const view = await teamJson<IdentityJson>(alice, ['identity']);
    expect(view.name).toBe('Alice A');
  });

  it('a secret-looking line is never echoed in an error', async () => {
    const alice = newDataDir();
    const run = await keyhaven(['team', 'add', 'Nowhere', '--token=sk_live_LeakyL3akyL3akyL3aky'], {
      dataDir: alice,
    });
    expect(expectFailure(run, 2)).not.toContain('sk_live_');
  });
});
