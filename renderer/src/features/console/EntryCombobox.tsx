import { useCombobox } from 'downshift';
import { ChevronDown } from 'lucide-react';
import { matchSorter } from 'match-sorter';
import { useMemo, useState, type ReactNode } from 'react';
import { FieldMessages, useFieldIds } from '../../components/field-parts';
import type { ConsoleEntry } from './use-console-entries';
import './entry-combobox.css';

/** "Personal · Pyas prod", "(locked)" after an entry of a locked vault: what the field shows once chosen. */
export const entryLabel = ({ entry, vault }: ConsoleEntry): string =>
  `${vault.name} · ${entry.name}${vault.locked ? ' (locked)' : ''}`;

interface EntryComboboxProps {
  entries: readonly ConsoleEntry[];
  chosenId: string;
  onChoose: (entry: ConsoleEntry) => void;
  hint?: ReactNode;
}

/**
 * The console's vault entry picker (issue 14, item 4): type to narrow every vault's entries by name,
 * vault, service or tag (match-sorter, as the search does), arrows and Enter to choose. A native select
 * of a hundred "Vault · Name" lines was a long scroll; this keeps the keyboard and screen-reader
 * behaviour of the WAI-ARIA combobox pattern (Downshift). Only metadata is listed: no key reaches the page.
 */
export function EntryCombobox({ entries, chosenId, onChoose, hint }: EntryComboboxProps) {
  const chosen = entries.find((item) => item.entry.id === chosenId) ?? null;
  const [typed, setTyped] = useState<string | null>(null);
  const ids = useFieldIds({ hint, className: 'entry-combobox' });
  const shown = useMemo(
    () =>
      typed === null || typed.trim() === ''
        ? [...entries]
        : matchSorter([...entries], typed.trim(), {
            keys: ['entry.name', 'vault.name', 'entry.service', 'entry.tags'],
          }),
    [entries, typed],
  );

  const combobox = useCombobox<ConsoleEntry>({
    items: shown,
    selectedItem: chosen,
    inputValue: typed ?? (chosen ? entryLabel(chosen) : ''),
    itemToString: (item) => (item ? entryLabel(item) : ''),
    onInputValueChange: ({ type, inputValue }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) setTyped(inputValue);
    },
    // Clearing the field makes Downshift drop the selection; the chosen entry stays until another is chosen.
    onSelectedItemChange: ({ selectedItem }) => {
      if (!selectedItem) return;
      setTyped(null);
      onChoose(selectedItem);
    },
    // Leaving the field puts the chosen entry's name back rather than keeping half-typed text.
    onIsOpenChange: ({ isOpen, type }) => {
      const leaving =
        type === useCombobox.stateChangeTypes.InputBlur || type === useCombobox.stateChangeTypes.InputKeyDownEscape;
      if (!isOpen && leaving) setTyped(null);
    },
  });

  const empty = entries.length === 0 ? 'No entries in your vaults' : `No entry matches “${typed ?? ''}”`;
  return (
    <div className={ids.className}>
      <label {...combobox.getLabelProps({ htmlFor: ids.id, className: 'text-field__label' })}>Entry</label>
      <div className="entry-combobox__control">
        <input
          {...combobox.getInputProps({
            id: ids.id,
            className: 'text-field__input',
            placeholder: entries.length === 0 ? 'No entries in your vaults' : 'Type to find an entry',
            'aria-describedby': ids.describedBy,
          })}
          autoComplete="off"
          spellCheck={false}
        />
        <button
          {...combobox.getToggleButtonProps({ className: 'entry-combobox__toggle', 'aria-label': 'Show entries' })}
          type="button"
        >
          <ChevronDown size={16} aria-hidden="true" />
        </button>
        <ul {...combobox.getMenuProps({ className: 'entry-combobox__list' })} hidden={!combobox.isOpen}>
          {combobox.isOpen && shown.length === 0 ? (
            <li className="entry-combobox__empty" role="presentation">
              {empty}
            </li>
          ) : null}
          {combobox.isOpen
            ? shown.map((item, index) => (
                <li
                  key={item.entry.id}
                  {...combobox.getItemProps({ item, index, className: 'entry-combobox__option' })}
                >
                  {entryLabel(item)}
                </li>
              ))
            : null}
        </ul>
      </div>
      <FieldMessages ids={ids} hint={hint} />
    </div>
  );
}
