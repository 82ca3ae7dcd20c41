import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `everyMs`, so relative times ("2 minutes ago") stay true; and at
 * once whenever `resync` changes (new data from the core), so what is derived from both agrees.
 */
export function useNow(everyMs = 30_000, resync?: unknown): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, everyMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [everyMs, resync]);
  return now;
}
