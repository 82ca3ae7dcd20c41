import type { LucideIcon } from 'lucide-react';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import './Tabs.css';

export interface TabItem<K extends string> {
  id: K;
  label: string;
  icon?: LucideIcon;
}

interface TabsProps<K extends string> {
  /** Names the tab list for assistive technology, e.g. "Pyas sections". */
  label: string;
  /** A prefix for element ids; unique on the page. */
  idBase: string;
  tabs: readonly TabItem<K>[];
  selected: K;
  onSelect: (id: K) => void;
  children: ReactNode;
}

/**
 * WAI-ARIA tabs with automatic activation: one Tab stop, arrow keys (and Home/End) move and select,
 * only the selected panel is rendered.
 */
export function Tabs<K extends string>({ label, idBase, tabs, selected, onSelect, children }: TabsProps<K>) {
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const tabId = (id: K) => `${idBase}-tab-${id}`;
  const panelId = (id: K) => `${idBase}-panel-${id}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    buttons.current.get(next.id)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
        {tabs.map(({ id, label: text, icon: Icon }) => {
          const isSelected = id === selected;
          return (
            <button
              key={id}
              ref={(el) => {
                if (el) buttons.current.set(id, el);
                else buttons.current.delete(id);
              }}
              type="button"
              role="tab"
              id={tabId(id)}
              aria-selected={isSelected}
              aria-controls={isSelected ? panelId(id) : undefined}
              tabIndex={isSelected ? 0 : -1}
              className="tabs__tab"
              onClick={() => onSelect(id)}
            >
              {Icon ? <Icon size={16} aria-hidden="true" /> : null}
              {text}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={panelId(selected)}
        aria-labelledby={tabId(selected)}
        tabIndex={0}
        className="tabs__panel"
      >
        {children}
      </div>
    </div>
  );
}
