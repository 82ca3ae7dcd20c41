// Settings › Appearance: the theme, on <html> at once and kept for the next launch.
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, savedTheme } from '../../renderer/src/lib/theme';
import { renderApp } from './support/render-app';

async function openAppearance() {
  const rendered = await renderApp();
  await rendered.user.click(
    within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Settings' }),
  );
  return { ...rendered, theme: screen.getByRole('group', { name: 'Theme' }) };
}

const root = () => document.documentElement;

describe('Settings › Appearance', () => {
  afterEach(() => {
    delete root().dataset.theme;
  });

  it('starts on System, and sets Light or Dark on <html> at once and for the next launch', async () => {
    const { user, theme } = await openAppearance();
    expect(within(theme).getByRole('radio', { name: 'System' })).toBeChecked();
    expect(root().dataset.theme).toBeUndefined();

    await user.click(within(theme).getByRole('radio', { name: 'Dark' }));
    expect(root().dataset.theme).toBe('dark');
    expect(savedTheme()).toBe('dark');
    await user.click(within(theme).getByRole('radio', { name: 'Light' }));
    expect(root().dataset.theme).toBe('light');
    expect(savedTheme()).toBe('light');

    // System removes the choice: the system's setting decides again.
    await user.click(within(theme).getByRole('radio', { name: 'System' }));
    expect(root().dataset.theme).toBeUndefined();
    expect(savedTheme()).toBe('system');
  });

  it('shows the kept choice, and reads anything else kept under its name as System', async () => {
    localStorage.setItem('keyhaven.theme', 'dark');
    const { theme } = await openAppearance();
    expect(within(theme).getByRole('radio', { name: 'Dark' })).toBeChecked();

    localStorage.setItem('keyhaven.theme', 'sepia');
    expect(savedTheme()).toBe('system');
    applyTheme(savedTheme());
    expect(root().dataset.theme).toBeUndefined();
  });
});
