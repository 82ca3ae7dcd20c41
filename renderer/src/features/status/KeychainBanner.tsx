import { Button } from '../../components/Button';
import { Banner } from '../../components/Banner';
import { selectKeychainProblem, useStatus } from '../../stores/status-store';

/**
 * Stays on screen while the OS keychain is unreachable. The rest of Keyhaven keeps working; actions
 * that need the keychain fail with their own message where the user acted.
 */
export function KeychainBanner() {
  const problem = useStatus(selectKeychainProblem);
  const loading = useStatus((s) => s.loading);
  const load = useStatus((s) => s.load);
  if (!problem) return null;
  return (
    <Banner
      tone="danger"
      title="The system keychain is unavailable"
      className="shell__banner"
      action={
        <Button size="sm" busy={loading} onClick={() => void load()}>
          {loading ? 'Checking…' : 'Try again'}
        </Button>
      }
    >
      <p>{problem}</p>
    </Banner>
  );
}
