import { Play } from 'lucide-react';
import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { useConsole } from '../../stores/console-store';

/**
 * "Test this key" with requests saved for it: opened from a vault entry, the console offers the saved
 * requests that use that entry, one click each, so trying a key again is not retyping the request.
 */
export function SavedForEntry({ entryId }: { entryId: string }) {
  const saved = useConsole((s) => s.saved);
  const loadSaved = useConsole((s) => s.loadSaved);
  const loadRequest = useConsole((s) => s.loadRequest);
  useEffect(() => {
    if (!saved.loaded) void loadSaved();
  }, [saved.loaded, loadSaved]);
  const forEntry = saved.items.filter(
    (item) => item.request.auth.kind === 'entry' && item.request.auth.entryId === entryId,
  );
  if (forEntry.length === 0) return null;
  return (
    <section className="console-saved-for-entry" aria-label="Quick tests for this key">
      <span className="muted">Saved requests for this key:</span>
      {forEntry.map((item) => (
        <Button key={item.id} size="sm" icon={Play} onClick={() => loadRequest(item.request)}>
          {item.name}
        </Button>
      ))}
    </section>
  );
}
