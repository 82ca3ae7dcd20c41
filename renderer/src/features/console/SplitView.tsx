import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

const STORAGE_KEY = 'keyhaven.console.split';
const MIN = 0.25;
const MAX = 0.75;
const STEP = 0.05;

const clamp = (ratio: number) => Math.min(MAX, Math.max(MIN, ratio));

function savedRatio(): number {
  const stored = Number(localStorage.getItem(STORAGE_KEY));
  return Number.isFinite(stored) && stored > 0 ? clamp(stored) : 0.5;
}

/**
 * The request beside its response (issue 13): a split the user drags or moves with the arrow keys
 * (the separator is focusable, as WAI-ARIA's window splitter), remembered between launches. On a
 * narrow window console.css stacks the two and hides the separator.
 */
export function SplitView({ first, second }: { first: ReactNode; second: ReactNode }) {
  const [ratio, setRatio] = useState(savedRatio);
  const frame = useRef<HTMLDivElement>(null);
  const commit = useCallback((next: number) => {
    const value = clamp(next);
    setRatio(value);
    localStorage.setItem(STORAGE_KEY, String(value));
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const box = frame.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const move = (moved: globalThis.PointerEvent) => commit((moved.clientX - box.left) / box.width);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next =
      event.key === 'ArrowLeft'
        ? ratio - STEP
        : event.key === 'ArrowRight'
          ? ratio + STEP
          : event.key === 'Home'
            ? MIN
            : event.key === 'End'
              ? MAX
              : null;
    if (next === null) return;
    event.preventDefault();
    commit(next);
  };

  return (
    <div ref={frame} className="console-split" style={{ '--split': `${ratio * 100}%` } as React.CSSProperties}>
      <div className="console-split__pane">{first}</div>
      <div
        className="console-split__separator"
        role="separator"
        tabIndex={0}
        aria-orientation="vertical"
        aria-label="Resize request and response"
        aria-valuemin={MIN * 100}
        aria-valuemax={MAX * 100}
        aria-valuenow={Math.round(ratio * 100)}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <div className="console-split__pane">{second}</div>
    </div>
  );
}
