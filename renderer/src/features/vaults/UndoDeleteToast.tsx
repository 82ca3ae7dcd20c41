import { Undo2, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { useVaults } from '../../stores/vaults-store';

/** How long Undo is offered; main keeps the deleted entry a little longer (ENTRY_UNDO_SECONDS). */
export const UNDO_TOAST_MS = 8_000;

/**
 * "Deleted Pyas prod · Undo" (or "Deleted 3 keys"), for a few seconds after a delete. Undo asks main to put the
 * entry back as it was (its key and history never pass through the page). A failed Undo says why.
 */
export function UndoDeleteToast() {
  const deleted = useVaults((s) => s.recentlyDeleted);
  const restore = useVaults((s) => s.restoreDeleted);
  const forget = useVaults((s) => s.forgetDeleted);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(forget, UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [deleted, forget]);
  useEffect(() => {
    if (!failure) return;
    const timer = setTimeout(() => setFailure(null), UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [failure]);
  // Leaving the Vaults screen ends the offer: coming back later must not resurrect it.
  useEffect(() => forget, [forget]);

  const undo = async () => {
    const result = await restore();
    if (result) setFailure(result.message);
  };

  return (
    <div className="undo-toast-region" role="status">
      {deleted ? (
        <div className="undo-toast">
          <span className="undo-toast__text">
            {deleted.length === 1 && deleted[0] ? `Deleted ${deleted[0].name}` : `Deleted ${deleted.length} keys`}
          </span>
          <Button size="sm" icon={Undo2} onClick={() => void undo()}>
            Undo
          </Button>
          <Button size="sm" variant="ghost" icon={X} aria-label="Dismiss" title="Dismiss" onClick={forget} />
        </div>
      ) : failure ? (
        <div className="undo-toast undo-toast--failed">
          <span className="undo-toast__text">{failure}</span>
          <Button
            size="sm"
            variant="ghost"
            icon={X}
            aria-label="Dismiss"
            title="Dismiss"
            onClick={() => setFailure(null)}
          />
        </div>
      ) : null}
    </div>
  );
}
