import { useId, type ReactNode } from 'react';

interface ListEntryProps {
  /** What the entry is called on screen; its button is named "Open <label>". */
  label: ReactNode;
  /** Second line (outcome, time, method and URL): describes the button, outside its name. */
  meta: ReactNode;
  onOpen: () => void;
  /** The entry's own buttons (rename, delete), beside the card. */
  children?: ReactNode;
}

/**
 * One entry of the history or saved requests: a card whose button holds just the label (WCAG 2.5.3:
 * the accessible name contains the visible label), with a click area stretched over the whole card
 * (console.css), and the second line as its description.
 */
export function ListEntry({ label, meta, onOpen, children }: ListEntryProps) {
  const metaId = `${useId()}-meta`;
  return (
    <li className="console-list__item">
      <div className="console-list__card">
        <button type="button" className="console-list__open" aria-describedby={metaId} onClick={onOpen}>
          <span className="visually-hidden">Open</span> {label}
        </button>
        <span id={metaId} className="console-list__meta">
          {meta}
        </span>
      </div>
      {children}
    </li>
  );
}
