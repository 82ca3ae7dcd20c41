import { PageHeader } from '../../components/PageHeader';

/** Placeholder until the request console lands (issue 5). */
export function ConsoleScreen({ entryId: _entryId }: { entryId: string | null }) {
  return <PageHeader title="Console" />;
}
