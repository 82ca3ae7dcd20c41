import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiFailure } from '../api/client';
import { Banner } from './Banner';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The button's text while the action runs, e.g. "Revoking…". */
  busyLabel: string;
  tone?: 'danger' | 'primary';
  /** Runs the action; resolves to the failure to show, or null when done (the caller then closes). */
  onConfirm: () => Promise<ApiFailure | null>;
  onClose: () => void;
  failureTitle: string;
  /** Danger confirmations start on Cancel, so a stray Enter does nothing irreversible. */
  initialFocus?: 'cancel' | 'confirm';
  fallbackFocus?: () => HTMLElement | null | undefined;
}

/** A confirmation for one action: Cancel, and the action's own button (Enter confirms from a field). */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  tone = 'primary',
  onConfirm,
  onClose,
  failureTitle,
  initialFocus = tone === 'danger' ? 'cancel' : 'confirm',
  fallbackFocus,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await onConfirm();
    setBusy(false);
    if (result) {
      setFailure(result);
      confirm.current?.focus();
    }
  };

  return (
    <Dialog
      title={title}
      onClose={busy ? undefined : onClose}
      onSubmit={(event) => void submit(event)}
      initialFocus={() => (initialFocus === 'cancel' ? cancel.current : confirm.current)}
      fallbackFocus={fallbackFocus}
      footer={
        <>
          <Button ref={cancel} onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button ref={confirm} type="submit" variant={tone} busy={busy}>
            {busy ? busyLabel : confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {failure ? (
        <Banner tone="danger" title={failureTitle}>
          <p>{failure.message}</p>
        </Banner>
      ) : null}
    </Dialog>
  );
}
