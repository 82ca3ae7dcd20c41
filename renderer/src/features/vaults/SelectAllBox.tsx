import { useEffect, useRef } from 'react';

interface SelectAllBoxProps {
  /** Rows the search leaves in the table. */
  shown: number;
  /** How many of those are ticked. */
  selected: number;
  onChange: (selected: boolean) => void;
}

/** The header checkbox: ticks every row the search shows; half-ticked when only some are. */
export function SelectAllBox({ shown, selected, onChange }: SelectAllBoxProps) {
  const box = useRef<HTMLInputElement>(null);
  const all = shown > 0 && selected === shown;
  const some = selected > 0 && !all;
  // `indeterminate` exists only as a DOM property, not as an attribute React can set.
  useEffect(() => {
    if (box.current) box.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={box}
      type="checkbox"
      aria-label="Select all"
      checked={all}
      disabled={shown === 0}
      onChange={() => onChange(!all)}
    />
  );
}
