/** Light, Dark, or whatever the system says (the default). */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: ReadonlyArray<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * In the page's localStorage: a display preference, read synchronously before the first paint (an IPC
 * answer would come after it and the page would flash the other theme), and nothing the core needs.
 */
const STORAGE_KEY = 'keyhaven.theme';

const isChoice = (value: unknown): value is ThemeChoice => THEME_CHOICES.some((choice) => choice.value === value);

/** The theme chosen in Settings; System when none was, or when what is stored is not a theme. */
export function savedTheme(): ThemeChoice {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isChoice(stored) ? stored : 'system';
}

/** data-theme on <html>, which sets the root's color-scheme (tokens.css); none for System. */
export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

/** Applies a choice now and keeps it for the next launch. */
export function chooseTheme(choice: ThemeChoice): void {
  applyTheme(choice);
  localStorage.setItem(STORAGE_KEY, choice);
}
