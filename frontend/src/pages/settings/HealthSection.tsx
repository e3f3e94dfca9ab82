import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { HealthCheck } from '../../api/types';
import { useServices } from '../../app/services';
import { useQuery } from '../../app/useQuery';
import { EmptyState } from '../../components/EmptyState';
import { StatusBadge } from '../../components/StatusBadge';

const checkLabels: Record<string, string> = {
  database: 'Settings store',
  targetAccounts: 'Target accounts',
};

/** GET /config/health: every dependency check with its status and message, refreshed on demand. */
export function HealthSection() {
  const { api } = useServices();
  // Shown inline: a failing health read is itself a health finding, not a page-level error.
  const health = useQuery('config:health', () => api.config.health(), { quiet: true });
  const checks = health.data?.checks ?? [];
  return (
    <Container
      data-testid="config-health"
      header={
        <Header
          variant="h2"
          description="Whether the orchestrator's store answers and its target accounts passed their last validation."
          actions={
            <Button iconName="refresh" loading={health.loading} data-testid="refresh-health" onClick={health.reload}>
              Refresh
            </Button>
          }
        >
          Health {health.data && <StatusBadge status={health.data.status} />}
        </Header>
      }
    >
      {health.error ? (
        <Alert type="error" header="Health could not be read" data-testid="health-error">
          <strong>{health.error.code}</strong>: {health.error.message}
        </Alert>
      ) : (
        <Table<HealthCheck>
          variant="embedded"
          data-testid="health-checks"
          loading={health.loading && !health.data}
          loadingText="Checking health"
          items={checks}
          trackBy="name"
          empty={<EmptyState title="No checks reported" />}
          columnDefinitions={[
            { id: 'name', header: 'Check', cell: (c) => checkLabels[c.name] ?? c.name },
            { id: 'status', header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
            { id: 'detail', header: 'Message', cell: (c) => c.detail || '-' },
            { id: 'duration', header: 'Took', cell: (c) => <Box variant="span">{`${c.durationMs} ms`}</Box> },
          ]}
        />
      )}
    </Container>
  );
}
