import { Play } from 'lucide-react';
import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { useConsoleLibrary } from '../../stores/console-library-store';
import { useConsole } from '../../stores/console-store';

/**
 * "Test this key" with requests saved for it: opened from a vault entry, the console offers the saved
 * requests that use that entry, one click each, so trying a key again is not retyping the request.
 */
export function SavedForEntry({ entryId }: { entryId: string }) {
  const collections = useConsoleLibrary((s) => s.collections);
  const loadCollections = useConsoleLibrary((s) => s.loadCollections);
  const loadRequest = useConsole((s) => s.loadRequest);
  useEffect(() => {
    if (!collections.loaded) void loadCollections();
  }, [collections.loaded, loadCollections]);
  const forEntry = collections.value.saved.filter(
    (item) => item.request.auth.kind === 'entry' && item.request.auth.entryId === entryId,
  );
  if (forEntry.length === 0) return null;
  return (
    <section className="console-saved-for-entry" aria-label="Quick tests for this key">
      <span className="muted">Saved requests for this key:</span>
      {forEntry.map((item) => (
        <Button
          key={item.id}
          size="sm"
          icon={Play}
          onClick={() => loadRequest(item.request, { id: item.id, name: item.name })}
        >
          {item.name}
        </Button>
      ))}
    </section>
  );
}
