import type { CopyNotice } from './use-copy-entry';

/**
 * Where Copy reports back. The element is always there, so a screen reader announces each new text.
 * A failure (no clipboard here, vault locked) reads as an error, in the same place.
 */
export function CopyStatus({ notice }: { notice: CopyNotice | null }) {
  return (
    <p role="status" className={`copy-status${notice?.tone === 'failed' ? ' copy-status--failed' : ''}`}>
      {notice?.text ?? ''}
    </p>
  );
}
