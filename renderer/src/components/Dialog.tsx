import { X } from 'lucide-react';
import { useEffect, useEffectEvent, useId, useLayoutEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { focusableIn, trapTab } from './focus';
import './Dialog.css';

export interface DialogProps {
  title: string;
  /** Escape and the close button call this; omit it to make the dialog closable only from inside. */
  onClose?: (() => void) | undefined;
  /** Makes body and footer one form: Enter in a field submits, the footer holds the submit button. */
  onSubmit?: ((event: FormEvent<HTMLFormElement>) => void) | undefined;
  children: ReactNode;
  footer?: ReactNode;
  /** Where focus goes on opening; defaults to the first field or button. */
  initialFocus?: () => HTMLElement | null | undefined;
  size?: 'md' | 'lg';
  /** Where focus goes on closing when the opener is gone (e.g. a row that changed); else the page heading. */
  fallbackFocus?: () => HTMLElement | null | undefined;
}

/**
 * A modal dialog: role="dialog", aria-modal, labelled by its title; focus moves in, Tab stays in,
 * Escape closes (when closable), and focus returns to what opened it. Clicking outside does nothing,
 * so typed input is never lost to a stray click.
 */
export function Dialog({
  title,
  onClose,
  onSubmit,
  children,
  footer,
  initialFocus,
  size = 'md',
  fallbackFocus,
}: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const closable = onClose !== undefined;

  const focusOnOpen = useEffectEvent(() => {
    const root = panel.current;
    if (!root) return;
    const target = initialFocus?.() ?? focusableIn(root).find((el) => !el.dataset.dialogClose) ?? root;
    target.focus();
  });
  const close = useEffectEvent(() => onClose?.());
  const fallback = useRef(fallbackFocus);
  useEffect(() => {
    fallback.current = fallbackFocus;
  });

  // Before any effect of the content runs (a step may focus its first field), remember the opener.
  // Closing is a layout effect too: focus goes back in the same commit that removes the dialog, so
  // nothing (a test, a screen reader, the next keystroke) ever sees focus stranded on <body>.
  const closing = useRef(false);
  useLayoutEffect(() => {
    closing.current = false;
    const active = document.activeElement;
    const returnTo = active instanceof HTMLElement && active !== document.body ? active : null;
    document.body.classList.add('has-modal');
    return () => {
      // The focus trap below is a passive effect still listening; it must let this focus leave.
      closing.current = true;
      document.body.classList.remove('has-modal');
      if (returnTo?.isConnected) returnTo.focus();
      else (fallback.current?.() ?? document.querySelector<HTMLElement>('main h1'))?.focus();
    };
  }, []);

  useEffect(() => {
    focusOnOpen();
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const root = panel.current;
      if (!root) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        if (closable) close();
        return;
      }
      trapTab(event, root);
    };
    const onFocusIn = (event: FocusEvent) => {
      const root = panel.current;
      if (closing.current) return;
      if (root && event.target instanceof Node && !root.contains(event.target)) root.focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [closable]);

  const content = (
    <>
      <div className="dialog__body">{children}</div>
      {footer ? <footer className="dialog__footer">{footer}</footer> : null}
    </>
  );

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={`dialog dialog--${size}`}
      >
        <header className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {onClose ? (
            <button
              type="button"
              className="dialog__close"
              aria-label="Close"
              data-dialog-close="true"
              onClick={onClose}
            >
              <X size={18} aria-hidden="true" />
            </button>
          ) : null}
        </header>
        {onSubmit ? (
          <form className="dialog__form" noValidate onSubmit={onSubmit}>
            {content}
          </form>
        ) : (
          content
        )}
      </div>
    </div>,
    document.body,
  );
}
