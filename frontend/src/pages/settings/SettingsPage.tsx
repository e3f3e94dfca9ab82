import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { GeneralSettingsSection } from './GeneralSettingsSection';
import { HealthSection } from './HealthSection';
import { TagSyncSection } from './TagSyncSection';
import { TransferSection } from './TransferSection';

/**
 * Orchestrator settings, dependency health, tag synchronisation and configuration transfer. Reading
 * needs drs:ViewResources; every change (and export, which reveals external IDs) needs drs:ManageAccounts.
 */
export default function SettingsPage() {
  const { permissions } = useServices();
  const canManage = !missingPermissionReason(permissions, Permissions.manageAccounts);
  // An import replaces settings and tag sync: remount those sections so they read what is stored now.
  const [generation, setGeneration] = useState(0);
  return (
    <ContentLayout header={<Header variant="h1">Settings</Header>}>
      <SpaceBetween size="l">
        <GeneralSettingsSection key={`settings-${generation}`} />
        <HealthSection />
        <TagSyncSection key={`tag-sync-${generation}`} />
        {canManage && <TransferSection onImported={() => setGeneration((g) => g + 1)} />}
      </SpaceBetween>
    </ContentLayout>
  );
}
