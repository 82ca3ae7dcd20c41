import { ArrowLeft, ArrowRightLeft, ClipboardType, Copy, LockOpen, Pencil, Send, Star, Trash2 } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { useBackOnEscape } from '../../lib/use-back-on-escape';
import { useNow } from '../../lib/use-now';
import { useNavigation } from '../../stores/navigation-store';
import { EMPTY_ENTRY_LIST, useVaults } from '../../stores/vaults-store';
import { CopyAnnouncer, CopyNoticeLine } from '../vaults/CopyFeedback';
import { SecretBox } from '../vaults/SecretBox';
import { useCopyEntry } from '../vaults/use-copy-entry';
import { useEntryTransfer } from '../vaults/use-entry-transfer';
import { useReveal } from '../vaults/use-reveal';
import { RotateAdviceBadge } from '../team-vaults/RotateAdviceBadge';
import { memberName, READ_ONLY_REASON } from '../team-vaults/team-words';
import { useTeamStatus } from '../team-vaults/use-team-status';
import { EntryDetails } from './EntryDetails';
import { EntryPageDialogs, type EntryPageDialog } from './EntryPageDialogs';
import { EntryVersions } from './EntryVersions';
import './entry-page.css';

interface EntryPageProps {
  vault: VaultSummary;
  entryId: string;
  /** Opened by Show: the key is revealed at once (that is what Show asked for). */
  revealOnOpen: boolean;
  /** Unlock as this computer asks for it, then `then`. */
  onUnlock: (then?: () => void) => void;
}

/**
 * One vault entry (issue 14): its key with Show, Copy and Copy as header, everything known about it,
 * and its history, each previous key with Show, Copy and Restore; Edit, Move or copy, Delete, Test in
 * the console, and a star. Back (or Escape) returns to the vault's table.
 */
export function EntryPage({ vault, entryId, revealOnOpen, onUnlock }: EntryPageProps) {
  const list = useVaults((s) => s.entries[vault.id] ?? EMPTY_ENTRY_LIST);
  // A read-only team member may copy a key out, but not change it here (main refuses it too).
  const readOnly = vault.team?.readOnly === true;
  const setFavorite = useVaults((s) => s.setFavorite);
  const { closeEntry, openEntry, goToConsole } = useNavigation.getState();
  const entry = list.entries.find((candidate) => candidate.id === entryId);
  const now = useNow(30_000, entry);
  const reveal = useReveal(entryId, vault.id, undefined, entry?.secretVersion);
  const { notice, copy } = useCopyEntry();
  const team = useTeamStatus(vault);
  const [dialog, setDialog] = useState<EntryPageDialog | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [message, setMessage] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const lockedHintId = useId();
  const transfer = useEntryTransfer((outcome) => {
    if (outcome.state === 'failed') return setFailure(outcome.failure);
    const moved = outcome.moved[0];
    // A moved key's page is now in the other vault; a copy stays here, and says where the copy went.
    if (outcome.mode === 'move' && moved) openEntry(outcome.toVaultId, moved.id);
    else setMessage(outcome.text);
  });
  useBackOnEscape(closeEntry);

  const found = entry !== undefined;
  useEffect(() => {
    if (found) heading.current?.focus();
  }, [found, entryId]);

  const asked = useRef(false);
  const { show } = reveal;
  useEffect(() => {
    if (!revealOnOpen || asked.current || !found || reveal.locked) return;
    asked.current = true; // once, even when React runs effects twice in development
    void show();
  }, [revealOnOpen, found, reveal.locked, show]);

  const back = (
    <Button variant="link" icon={ArrowLeft} onClick={closeEntry} className="entry-page__back">
      Back to {vault.name}
    </Button>
  );
  if (!entry) {
    return (
      <div className="entry-page">
        {back}
        {list.loaded ? (
          <EmptyState icon={ArrowRightLeft} title="This key is not in this vault">
            <p>It may have been deleted or moved to another vault. Search (Ctrl+K) finds it wherever it is.</p>
          </EmptyState>
        ) : (
          <SkeletonRows label="Loading key…" />
        )}
      </div>
    );
  }

  const star = async () => {
    setFailure(null);
    const result = await setFavorite(entry, !entry.favorite);
    if (isFailure(result)) setFailure(result);
  };

  return (
    <div className="entry-page">
      {back}
      <div className="entry-page__head">
        <h2 ref={heading} tabIndex={-1} className="entry-page__title">
          {entry.name}
        </h2>
        <RotateAdviceBadge entry={entry} />
        <Button
          size="sm"
          variant="ghost"
          icon={Star}
          aria-pressed={entry.favorite}
          className={entry.favorite ? 'entry-page__star entry-page__star--on' : 'entry-page__star'}
          onClick={() => void star()}
        >
          {entry.favorite ? 'Favourite' : 'Add to favourites'}
        </Button>
        <div className="entry-page__actions">
          <Button size="sm" icon={Send} onClick={() => goToConsole(entry.id)}>
            Test in console
          </Button>
          <Button
            size="sm"
            icon={Pencil}
            disabled={readOnly}
            title={readOnly ? READ_ONLY_REASON : undefined}
            aria-description={readOnly ? READ_ONLY_REASON : undefined}
            onClick={() => setDialog({ kind: 'edit' })}
          >
            Edit
          </Button>
          <Button size="sm" icon={ArrowRightLeft} busy={transfer.busy} onClick={() => setDialog({ kind: 'transfer' })}>
            Move or copy
          </Button>
          <Button
            size="sm"
            variant="danger"
            icon={Trash2}
            disabled={readOnly}
            title={readOnly ? READ_ONLY_REASON : undefined}
            aria-description={readOnly ? READ_ONLY_REASON : undefined}
            onClick={() => setDialog({ kind: 'delete' })}
          >
            Delete
          </Button>
        </div>
      </div>
      <p role="status" className="entry-page__notice">
        {message}
      </p>
      {failure ? (
        <Banner tone="danger" title="That did not work">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <section className="entry-page__section" aria-labelledby="entry-key-title">
        <h3 id="entry-key-title" className="section-title">
          Key <span className="muted">· version {entry.secretVersion}</span>
        </h3>
        <SecretBox reveal={reveal} label={`Key of ${entry.name}`} lockedHintId={lockedHintId} />
        <div className="entry-page__copy">
          {reveal.locked ? (
            <>
              <Button size="sm" variant="primary" icon={LockOpen} onClick={() => onUnlock()}>
                Unlock to show
              </Button>
              <span id={lockedHintId} className="muted">
                {vault.name} is locked: the key is hidden until you unlock it.
              </span>
            </>
          ) : (
            <>
              <Button size="sm" icon={Copy} onClick={() => void copy(entry, 'value')}>
                Copy
              </Button>
              <Button size="sm" icon={ClipboardType} onClick={() => void copy(entry, 'header')}>
                Copy as header
              </Button>
            </>
          )}
          {notice && notice.entryId === entry.id ? (
            <CopyNoticeLine
              key={notice.state === 'failed' ? 'failed' : notice.copyId}
              notice={notice}
              className="entry-page__copied"
            />
          ) : null}
        </div>
      </section>
      <CopyAnnouncer notice={notice} />
      <section className="entry-page__section" aria-labelledby="entry-details-title">
        <h3 id="entry-details-title" className="section-title">
          Details
        </h3>
        <EntryDetails entry={entry} now={now} />
      </section>
      <section className="entry-page__section" aria-labelledby="entry-history-title">
        <h3 id="entry-history-title" className="section-title">
          History
        </h3>
        <EntryVersions
          entry={entry}
          now={now}
          lockedHintId={lockedHintId}
          notice={notice}
          onCopy={(version, format) => void copy(entry, format, version)}
          onRestore={(version) => setDialog({ kind: 'restore', version })}
          authorOf={vault.team ? (fingerprint) => memberName(team, fingerprint) : undefined}
        />
      </section>
      <EntryPageDialogs
        dialog={dialog}
        entry={entry}
        vault={vault}
        onClose={() => setDialog(null)}
        onRestored={(text) => setMessage(text)}
        onTransfer={(toVaultId, mode) => transfer.run({ entries: [entry], fromVaultId: vault.id, toVaultId, mode })}
      />
    </div>
  );
}
