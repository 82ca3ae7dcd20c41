import { useState } from 'react';
import { RadioGroup } from '../../components/RadioGroup';
import { chooseTheme, savedTheme, THEME_CHOICES, type ThemeChoice } from '../../lib/theme';

/** Settings › Appearance: the theme, applied at once and kept on this computer. */
export function AppearanceSection() {
  const [theme, setTheme] = useState<ThemeChoice>(savedTheme);
  const choose = (choice: ThemeChoice) => {
    chooseTheme(choice);
    setTheme(choice);
  };
  return (
    <section className="global-settings__section appearance" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance" className="global-settings__title">
        Appearance
      </h2>
      <RadioGroup
        legend="Theme"
        name="theme"
        value={theme}
        options={THEME_CHOICES.map((choice) =>
          choice.value === 'system' ? { ...choice, note: 'Follows your system.' } : choice,
        )}
        onChange={choose}
      />
    </section>
  );
}
