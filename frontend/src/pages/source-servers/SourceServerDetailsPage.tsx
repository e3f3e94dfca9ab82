import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { LaunchSettings } from '../../api/types';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { EmptyState } from '../../components/EmptyState';
import { StatusBadge } from '../../components/StatusBadge';
import { LaunchSettingsForm } from '../protection-groups/LaunchSettingsForm';

interface TagRow {
  key: string;
  value: string;
}

export default function SourceServerDetailsPage() {
  const { serverId = '' } = useParams();
  const { api, permissions } = useServices();
  const action = useAction();
  const server = useQuery(`source-server:${serverId}`, () => api.drs.sourceServer(serverId));
  const launch = useQuery(`source-server-launch:${serverId}`, () => api.drs.launchConfiguration(serverId));
  const [settings, setSettings] = useState<LaunchSettings | null>(null);
  const [tags, setTags] = useState<TagRow[] | null>(null);
  // Writes to DRS settings are a protection-group power (BRIEF section 5).
  const writeReason = missingPermissionReason(permissions, Permissions.updateProtectionGroup);

  if (!server.data) {
    return (
      <ContentLayout header={<Header variant="h1">Source server {serverId}</Header>}>
        {server.loading ? <Spinner size="large" /> : <EmptyState title="The source server could not be loaded." />}
      </ContentLayout>
    );
  }
  const s = server.data;
  const shownSettings = settings ?? launch.data ?? {};
  const shownTags = tags ?? Object.entries(s.tags).map(([key, value]) => ({ key, value }));

  return (
    <ContentLayout header={<Header variant="h1" description={s.sourceServerId}>{s.hostname}</Header>}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Inventory</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Account', value: s.accountId },
              { label: 'Region', value: s.region },
              { label: 'Replication', value: <StatusBadge status={s.replicationState} /> },
              { label: 'Operating system', value: s.os ?? '-' },
              { label: 'Protection group', value: s.protectionGroupName ?? '-' },
              { label: 'Last launch', value: s.lastLaunchResult ?? '-' },
            ]}
          />
        </Container>
        <Container
          header={
            <Header
              variant="h2"
              actions={
                <Button
                  disabled={!!writeReason || launch.loading}
                  disabledReason={writeReason}
                  loading={action.busy}
                  data-testid="save-launch-settings"
                  onClick={() => void action.run(() => api.drs.putLaunchConfiguration(serverId, shownSettings), 'Launch settings saved in DRS.')}
                >
                  Save launch settings
                </Button>
              }
            >
              Launch settings
            </Header>
          }
        >
          {launch.loading ? <Spinner /> : <LaunchSettingsForm value={shownSettings} readOnly={!!writeReason} onChange={setSettings} />}
        </Container>
        <Container
          header={
            <Header
              variant="h2"
              actions={
                <Button
                  disabled={!!writeReason}
                  disabledReason={writeReason}
                  data-testid="save-tags"
                  onClick={() =>
                    void action.run(
                      () => api.drs.putTags(serverId, Object.fromEntries(shownTags.filter((t) => t.key.trim()).map((t) => [t.key.trim(), t.value]))),
                      'Tags saved in DRS.',
                    )
                  }
                >
                  Save tags
                </Button>
              }
            >
              Tags
            </Header>
          }
        >
          <AttributeEditor<TagRow>
            items={shownTags}
            addButtonText="Add tag"
            removeButtonText="Remove"
            disableAddButton={!!writeReason}
            empty="No tags."
            onAddButtonClick={() => setTags([...shownTags, { key: '', value: '' }])}
            onRemoveButtonClick={(e) => setTags(shownTags.filter((_, i) => i !== e.detail.itemIndex))}
            definition={[
              { label: 'Key', control: (t, i) => <Input readOnly={!!writeReason} value={t.key} ariaLabel={`Tag key ${i + 1}`} onChange={(e) => setTags(shownTags.map((x, j) => (j === i ? { ...x, key: e.detail.value } : x)))} /> },
              { label: 'Value', control: (t, i) => <Input readOnly={!!writeReason} value={t.value} ariaLabel={`Tag value ${i + 1}`} onChange={(e) => setTags(shownTags.map((x, j) => (j === i ? { ...x, value: e.detail.value } : x)))} /> },
            ]}
          />
        </Container>
      </SpaceBetween>
    </ContentLayout>
  );
}
