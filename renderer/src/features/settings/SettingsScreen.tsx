import { PageHeader } from '../../components/PageHeader';

/** Placeholder until Settings → Local test API lands (issue 5). */
export function SettingsScreen() {
  return <PageHeader title="Settings" />;
}
