import { ShieldCheck } from 'lucide-react';
import { useEffect } from 'react';
import { Banner } from '../../components/Banner';
import { useActivity } from '../../stores/activity-store';

/**
 * The line above every activity list: the core re-reads the log from disk and follows each record's
 * hash to the one before, so a record edited or removed outside Keyhaven shows here.
 */
export function ChainStatus() {
  const chain = useActivity((s) => s.chain);
  const checkChain = useActivity((s) => s.checkChain);

  useEffect(() => {
    void checkChain();
  }, [checkChain]);

  if (chain.error) {
    return (
      <Banner tone="warning" title="The activity log could not be checked">
        <p>{chain.error.message}</p>
      </Banner>
    );
  }
  if (!chain.check) return null;
  if (!chain.check.intact) {
    return (
      <Banner tone="danger" title="The activity log was altered">
        <p>{chain.check.problem ?? 'A record does not follow from the one before.'}</p>
      </Banner>
    );
  }
  const n = chain.check.count;
  return (
    <p role="status" className="chain-status">
      <ShieldCheck size={16} aria-hidden="true" className="chain-status__icon" />
      Activity log intact — {n} {n === 1 ? 'record' : 'records'}, each chained to the one before
    </p>
  );
}
