// A locked login keyring (issue 14): a REAL gnome-keyring, locked over D-Bus, in a private D-Bus session
// the harness is started in (test/support/private-keyring.ts), so nothing here is simulated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKED_KEYCHAIN_ADVICE } from '../../electron/core/keychain/keychain';
import { startPrivateKeyring, type PrivateKeyring } from '../support/private-keyring';
import { screenshotBothSizes } from './support/browser';
import { useE2E } from './support/e2e';
import { goToVaults, vaultListItem } from './support/vault-steps';

describe('a locked login keyring', () => {
  const e2e = useE2E();
  let keyring: PrivateKeyring;
  beforeAll(async () => {
    keyring = await startPrivateKeyring();
  });
  afterAll(() => keyring.stop());

  it('says so in the sidebar from the start, with how to unlock it; the default vault waits for it', async () => {
    await keyring.lock();
    const locked = await e2e.startHarness({ env: keyring.env });
    const { page } = await e2e.open(locked);
    const sidebar = page.getByRole('complementary');
    await sidebar.getByText('Keychain locked').waitFor();
    await sidebar.getByText(LOCKED_KEYCHAIN_ADVICE).waitFor();
    await sidebar.getByRole('button', { name: 'Try again' }).waitFor();
    expect(await page.getByText('The system keychain is unavailable').count()).toBe(0);
    await goToVaults(page);
    await page.getByText('No vaults yet').waitFor();
    await screenshotBothSizes(page, '280-keychain-locked-sidebar');

    // Try again while it is still locked: the probe asks again and still says locked, and asks nothing.
    await sidebar.getByRole('button', { name: 'Try again' }).click();
    await sidebar.getByRole('button', { name: 'Try again' }).waitFor();
    await sidebar.getByText('Keychain locked').waitFor();
    expect(await keyring.isLocked()).toBe(true);
    await page.context().close(); // before the harness stops: the page would go on calling it
    expect(await locked.stop()).toBe(0);

    // Unlocked (as a login does), the next launch finds it working and makes the owed "Personal".
    await keyring.unlock();
    const unlocked = await e2e.startHarness({ dataDir: locked.dataDir, env: keyring.env });
    const again = await e2e.open(unlocked);
    await again.page.getByRole('complementary').getByText('Keychain connected').waitFor();
    await goToVaults(again.page);
    await vaultListItem(again.page, 'Personal').waitFor();
  });
});
