import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { EmptyState } from '../components/EmptyState';
import { RouterLink } from '../components/RouterLink';

export default function NotFoundPage() {
  return (
    <ContentLayout header={<Header variant="h1">Page not found</Header>}>
      <EmptyState title="There is nothing at this address." action={<RouterLink href="/">Go to the dashboard</RouterLink>} />
    </ContentLayout>
  );
}
