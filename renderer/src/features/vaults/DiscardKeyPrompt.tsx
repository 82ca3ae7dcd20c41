import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '../../components/Button';

/**
 * Add key and Edit hold a key the user typed or pasted, which exists nowhere else: Escape, Cancel
 * or × then ask "Discard the key you typed?" in the dialog's footer before closing. While asking,
 * Escape (or Keep editing) goes back to the form.
 */
export function useDiscardGuard(typedKey: boolean, onClose: () => void) {
  const [asking, setAsking] = useState(false);
  const requestClose = () => {
    if (asking) setAsking(false);
    else if (typedKey) setAsking(true);
    else onClose();
  };
  return { asking, requestClose, keepEditing: () => setAsking(false) };
}

/** The footer while asking; "Keep editing" takes the focus, so Enter or a stray key loses nothing. */
export function DiscardKeyFooter({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <>
      <p role="alert" className="discard-prompt">
        Discard the key you typed?
      </p>
      <Button ref={keep} onClick={onKeep}>
        Keep editing
      </Button>
      <Button variant="danger" onClick={onDiscard}>
        Discard
      </Button>
    </>
  );
}

/** The footer of Add key / Edit: the question while asking, else the usual buttons. */
export function guardedFooter(guard: ReturnType<typeof useDiscardGuard>, onClose: () => void, usual: ReactNode) {
  return guard.asking ? <DiscardKeyFooter onKeep={guard.keepEditing} onDiscard={onClose} /> : usual;
}
