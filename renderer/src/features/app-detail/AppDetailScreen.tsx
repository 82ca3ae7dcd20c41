import { Activity, ArrowLeft, KeyRound, SearchX, Settings } from 'lucide-react';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type TabItem } from '../../components/Tabs';
import { selectApp, useApps } from '../../stores/apps-store';
import { useNavigation, type AppTab } from '../../stores/navigation-store';
import { AppActivityTab } from '../activity/AppActivityTab';
import { KeyPage } from '../key-page/KeyPage';
import { KeysTab } from '../keys/KeysTab';
import { SettingsTab } from './SettingsTab';
import './app-detail.css';

const TABS: readonly TabItem<AppTab>[] = [
  { id: 'keys', label: 'API Keys', icon: KeyRound },
  { id: 'settings', label: 'Settings', icon: Settings },
  { id: 'activity', label: 'Activity', icon: Activity },
];

/** `keyId`: the API Keys tab shows that key's page instead of the table. */
export function AppDetailScreen({ appId, tab, keyId }: { appId: string; tab: AppTab; keyId?: string | undefined }) {
  const app = useApps(selectApp(appId));
  const loaded = useApps((s) => s.loaded);
  const goToApps = useNavigation((s) => s.goToApps);
  const selectTab = useNavigation((s) => s.selectTab);

  const back = (
    <Button variant="ghost" size="sm" icon={ArrowLeft} onClick={goToApps} className="back-button">
      Apps
    </Button>
  );

  if (!app) {
    return (
      <>
        <PageHeader back={back} title={loaded ? 'App not found' : 'Loading app…'} />
        {loaded ? (
          <EmptyState icon={SearchX} title="This app no longer exists">
            <p>Go back to Apps to choose another one.</p>
          </EmptyState>
        ) : (
          <SkeletonRows label="Loading app…" />
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        back={back}
        title={
          <>
            <span>{app.name}</span>
            {app.archivedAt !== null ? <span className="app-archived">Archived</span> : null}
            <code className="app-prefix" title="Key prefix">
              {app.keyPrefix}_
            </code>
          </>
        }
        description={app.description || undefined}
      />
      <Tabs label={`${app.name} sections`} idBase="app" tabs={TABS} selected={tab} onSelect={selectTab}>
        {tab === 'keys' ? keyId ? <KeyPage key={keyId} app={app} keyId={keyId} /> : <KeysTab app={app} /> : null}
        {tab === 'settings' ? <SettingsTab app={app} /> : null}
        {tab === 'activity' ? <AppActivityTab appId={app.id} /> : null}
      </Tabs>
    </>
  );
}
