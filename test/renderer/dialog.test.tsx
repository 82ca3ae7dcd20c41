import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Dialog } from '../../renderer/src/components/Dialog';

/** Opens a dialog from a button; the dialog closes later, from an async result (as a save does). */
function Harness({ closeLater }: { closeLater: (close: () => void) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <main>
      <h1 tabIndex={-1}>Page</h1>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open ? (
        <Dialog title="Edit" onClose={() => setOpen(false)}>
          <button type="button" onClick={() => closeLater(() => setOpen(false))}>
            Save
          </button>
        </Dialog>
      ) : null}
    </main>
  );
}

describe('Dialog', () => {
  it('gives focus back to its opener in the same commit that removes it', async () => {
    const user = userEvent.setup();
    let focusWhenRemoved: Element | null | 'not removed' = 'not removed';
    const observer = new MutationObserver(() => {
      if (focusWhenRemoved === 'not removed' && !document.querySelector('[role="dialog"]')) {
        focusWhenRemoved = document.activeElement;
      }
    });
    render(<Harness closeLater={(close) => setTimeout(close, 0)} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus();
    expect(document.body).toHaveClass('has-modal');

    observer.observe(document.body, { childList: true, subtree: true });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    observer.disconnect();

    // Seen by a MutationObserver (a microtask after the DOM change), before any later task runs:
    // focus is already back and the page no longer marked modal.
    expect(focusWhenRemoved).toBe(opener);
    expect(opener).toHaveFocus();
    expect(document.body).not.toHaveClass('has-modal');
  });

  it('keeps Tab inside while open and sends focus to the heading when the opener is gone', async () => {
    const user = userEvent.setup();
    function Gone() {
      const [open, setOpen] = useState(true);
      return (
        <main>
          <h1 tabIndex={-1}>Page</h1>
          {open ? (
            <Dialog title="Edit" onClose={() => setOpen(false)}>
              <input aria-label="Name" />
            </Dialog>
          ) : null}
        </main>
      );
    }
    render(<Gone />);
    expect(screen.getByLabelText('Name')).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab();
    expect(screen.getByLabelText('Name')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Page' })).toHaveFocus();
  });
});
