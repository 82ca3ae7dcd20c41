import type { CopyNotice } from './copy-text';

/** Where a copy reports back. Always rendered, so a screen reader announces each new notice. */
export function CopyNoticeLine({ notice }: { notice: CopyNotice | null }) {
  return (
    <p
      role="status"
      className={`test-api__copy-notice${notice?.outcome === 'selected' ? ' test-api__copy-notice--selected' : ''}`}
    >
      {notice?.text ?? ''}
    </p>
  );
}
