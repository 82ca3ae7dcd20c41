import { useEffect, useState } from 'react';
import { noticeAnnouncement, noticeLine, type CopyNotice } from './copy-notice';

/**
 * What a screen reader hears about a Copy: once when copied, once when cleared (or failed). The
 * element is always there, so each new text is announced; the countdown itself is not a live region.
 */
export function CopyAnnouncer({ notice }: { notice: CopyNotice | null }) {
  return (
    <p role="status" className="visually-hidden">
      {noticeAnnouncement(notice)}
    </p>
  );
}

/** The current time, every second while a copy counts down; still otherwise. */
function useSecondTick(counting: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!counting) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [counting]);
  return now;
}

/**
 * The visible notice, beside what was copied (on the entry's row, under a dialog's Copy buttons):
 * "Copied · clears in 27 s", then "Clipboard cleared" when main has really cleared it.
 */
export function CopyNoticeLine({ notice, className }: { notice: CopyNotice; className: string }) {
  const now = useSecondTick(notice.state === 'copied');
  const tone = notice.state === 'failed' ? 'failed' : notice.state === 'changed' ? 'changed' : 'done';
  return (
    <span className={`${className} copy-notice--${tone}`} data-copy-state={notice.state}>
      {noticeLine(notice, now)}
    </span>
  );
}
