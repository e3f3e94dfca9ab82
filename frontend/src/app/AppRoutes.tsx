import Spinner from '@cloudscape-design/components/spinner';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { DashboardPage } from '../pages/dashboard/DashboardPage';

// The dashboard is the landing page and ships in the initial bundle; the rest load on first visit.
const ProtectionGroupsPage = lazy(() => import('../pages/protection-groups/ProtectionGroupsPage'));
const ProtectionGroupEditPage = lazy(() => import('../pages/protection-groups/ProtectionGroupEditPage'));
const ProtectionGroupDetailsPage = lazy(() => import('../pages/protection-groups/ProtectionGroupDetailsPage'));
const RecoveryPlansPage = lazy(() => import('../pages/recovery-plans/RecoveryPlansPage'));
const RecoveryPlanDetailsPage = lazy(() => import('../pages/recovery-plans/RecoveryPlanDetailsPage'));
const RecoveryPlanEditPage = lazy(() => import('../pages/recovery-plans/RecoveryPlanEditPage'));
const ExecutionsPage = lazy(() => import('../pages/executions/ExecutionsPage'));
const ExecutionDetailsPage = lazy(() => import('../pages/executions/ExecutionDetailsPage'));
const RecoveryInstancesPage = lazy(() => import('../pages/executions/RecoveryInstancesPage'));
const JobLogPage = lazy(() => import('../pages/executions/JobLogPage'));
const SourceServersPage = lazy(() => import('../pages/source-servers/SourceServersPage'));
const SourceServerDetailsPage = lazy(() => import('../pages/source-servers/SourceServerDetailsPage'));
const AccountsPage = lazy(() => import('../pages/accounts/AccountsPage'));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

export function AppRoutes() {
  return (
    <Suspense fallback={<Spinner size="large" />}>
      <Routes>
        <Route path="/" element={<DashboardPage />} />
        <Route path="/protection-groups" element={<ProtectionGroupsPage />} />
        <Route path="/protection-groups/new" element={<ProtectionGroupEditPage />} />
        <Route path="/protection-groups/:groupId" element={<ProtectionGroupDetailsPage />} />
        <Route path="/protection-groups/:groupId/edit" element={<ProtectionGroupEditPage />} />
        <Route path="/recovery-plans" element={<RecoveryPlansPage />} />
        <Route path="/recovery-plans/new" element={<RecoveryPlanEditPage />} />
        <Route path="/recovery-plans/:planId" element={<RecoveryPlanDetailsPage />} />
        <Route path="/recovery-plans/:planId/edit" element={<RecoveryPlanEditPage />} />
        <Route path="/executions" element={<ExecutionsPage />} />
        <Route path="/executions/:executionId" element={<ExecutionDetailsPage />} />
        <Route path="/executions/:executionId/recovery-instances" element={<RecoveryInstancesPage />} />
        <Route path="/executions/:executionId/jobs/:jobId" element={<JobLogPage />} />
        <Route path="/source-servers" element={<SourceServersPage />} />
        <Route path="/source-servers/:serverId" element={<SourceServerDetailsPage />} />
        <Route path="/accounts" element={<AccountsPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
