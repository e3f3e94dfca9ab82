import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import type { DrsLaunchConfiguration, DrsLaunchConfigurationUpdate, LaunchDisposition, RightSizingMethod, TagChange } from '../../api/types';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { EmptyState } from '../../components/EmptyState';
import { StatusBadge } from '../../components/StatusBadge';
import { useCrumbName } from '../../app/crumbNames';

interface TagRow {
  key: string;
  value: string;
}

const rightSizing: { value: RightSizingMethod; label: string }[] = [
  { value: 'NONE', label: 'None' },
  { value: 'BASIC', label: 'Basic' },
  { value: 'IN_AWS', label: 'In AWS' },
];
const dispositions: { value: LaunchDisposition; label: string }[] = [
  { value: 'STARTED', label: 'Started' },
  { value: 'STOPPED', label: 'Stopped' },
];

/** Only what changed: the API treats the request as a partial update. */
export function launchChanges(original: DrsLaunchConfiguration, edited: DrsLaunchConfiguration): DrsLaunchConfigurationUpdate {
  const members = ['name', 'copyPrivateIp', 'copyTags', 'launchDisposition', 'targetInstanceTypeRightSizingMethod', 'osByol', 'postLaunchEnabled'] as const;
  const update: Record<string, unknown> = {};
  for (const m of members) if (edited[m] !== original[m]) update[m] = edited[m];
  return update as DrsLaunchConfigurationUpdate;
}

/** Tags to set and keys to remove, from the rows as edited. */
export function tagChanges(original: Record<string, string>, rows: TagRow[]): TagChange {
  const next = Object.fromEntries(rows.filter((t) => t.key.trim()).map((t) => [t.key.trim(), t.value]));
  const set = Object.fromEntries(Object.entries(next).filter(([k, v]) => original[k] !== v));
  const remove = Object.keys(original).filter((k) => !(k in next));
  return { set, remove };
}

export default function SourceServerDetailsPage() {
  const { serverId = '' } = useParams();
  const [search] = useSearchParams();
  const location = { accountId: search.get('accountId') ?? '', region: search.get('region') ?? '' };
  const scoped = !!location.accountId && !!location.region;
  const { api, permissions } = useServices();
  const action = useAction();
  const scope = `${serverId}:${location.accountId}:${location.region}`;
  const server = useQuery(scoped ? `source-server:${scope}` : null, () => api.drs.sourceServer(serverId, location));
  useCrumbName(serverId, server.data?.hostname);
  const launch = useQuery(scoped ? `source-server-launch:${scope}` : null, () => api.drs.launchConfiguration(serverId, location));
  const groups = useQuery('protection-groups:all', () => api.protectionGroups.list({ limit: 100 }), { quiet: true });
  const [settings, setSettings] = useState<DrsLaunchConfiguration | null>(null);
  const [tags, setTags] = useState<TagRow[] | null>(null);
  // Writes to DRS settings are a protection-group power (BRIEF section 5).
  const writeReason = missingPermissionReason(permissions, Permissions.updateProtectionGroup);

  if (!server.data) {
    return (
      <ContentLayout header={<Header variant="h1">Source server {serverId}</Header>}>
        {server.loading ? <Spinner size="large" /> : <EmptyState title="The source server could not be loaded." subtitle={scoped ? undefined : 'Open it from the source server list, which knows its account and region.'} />}
      </ContentLayout>
    );
  }
  const s = server.data;
  const shown = settings ?? launch.data ?? null;
  const shownTags = tags ?? Object.entries(s.tags).map(([key, value]) => ({ key, value }));
  const set = (patch: Partial<DrsLaunchConfiguration>) => shown && setSettings({ ...shown, ...patch });
  const changes = launch.data && shown ? launchChanges(launch.data, shown) : {};
  const saveLaunchReason = writeReason ?? (Object.keys(changes).length === 0 ? 'Change a setting first.' : undefined);
  const groupName = s.protectionGroupId ? (groups.data?.items.find((g) => g.groupId === s.protectionGroupId)?.name ?? s.protectionGroupId) : '-';

  return (
    <ContentLayout header={<Header variant="h1" description={`${s.sourceServerId} in ${location.accountId} / ${location.region}`}>{s.hostname ?? s.sourceServerId}</Header>}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Inventory</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Replication', value: s.replicationState ? <StatusBadge status={s.replicationState} /> : '-' },
              { label: 'Replication lag', value: s.replicationLagSeconds === null ? '-' : `${Math.round(s.replicationLagSeconds)} s` },
              { label: 'Operating system', value: s.operatingSystem ?? '-' },
              { label: 'IP addresses', value: s.ipAddresses.join(', ') || '-' },
              { label: 'Protection group', value: groupName },
              { label: 'Recommended instance type', value: s.recommendedInstanceType ?? '-' },
              { label: 'Last launch', value: s.lastLaunchResult ?? '-' },
              { label: 'Recovery instance', value: s.recoveryInstanceId ?? '-' },
            ]}
          />
        </Container>
        <Container
          header={
            <Header
              variant="h2"
              description="DRS's own launch configuration of this server (a partial update sends only what changed)."
              actions={
                !writeReason && (
                  <Button
                    disabled={!!saveLaunchReason || launch.loading}
                    disabledReason={saveLaunchReason}
                    loading={action.busy}
                    data-testid="save-launch-settings"
                    onClick={() =>
                      void action.run(() => api.drs.putLaunchConfiguration(serverId, location, changes), 'Launch configuration saved in DRS.').then((saved) => {
                        if (saved) {
                          setSettings(null);
                          launch.reload();
                        }
                      })
                    }
                  >
                    Save launch configuration
                  </Button>
                )
              }
            >
              Launch configuration
            </Header>
          }
        >
          {launch.loading ? (
            <Spinner />
          ) : !shown ? (
            <EmptyState title="The launch configuration could not be read." />
          ) : (
            <SpaceBetween size="m">
              <ColumnLayout columns={3}>
                <FormField label="Right-sizing">
                  <Select
                    disabled={!!writeReason}
                    ariaLabel="Right-sizing"
                    selectedOption={rightSizing.find((o) => o.value === shown.targetInstanceTypeRightSizingMethod) ?? null}
                    options={rightSizing}
                    onChange={(e) => set({ targetInstanceTypeRightSizingMethod: e.detail.selectedOption.value as RightSizingMethod })}
                  />
                </FormField>
                <FormField label="Launch disposition">
                  <Select
                    disabled={!!writeReason}
                    ariaLabel="Launch disposition"
                    selectedOption={dispositions.find((o) => o.value === shown.launchDisposition) ?? null}
                    options={dispositions}
                    onChange={(e) => set({ launchDisposition: e.detail.selectedOption.value as LaunchDisposition })}
                  />
                </FormField>
                <FormField label="EC2 launch template">{shown.ec2LaunchTemplateId ?? '-'}</FormField>
              </ColumnLayout>
              <SpaceBetween direction="horizontal" size="l">
                <Checkbox disabled={!!writeReason} checked={shown.copyPrivateIp ?? false} onChange={(e) => set({ copyPrivateIp: e.detail.checked })}>
                  Copy private IP
                </Checkbox>
                <Checkbox disabled={!!writeReason} checked={shown.copyTags ?? false} onChange={(e) => set({ copyTags: e.detail.checked })}>
                  Copy tags
                </Checkbox>
                <Checkbox disabled={!!writeReason} checked={shown.osByol ?? false} onChange={(e) => set({ osByol: e.detail.checked })}>
                  Bring your own OS licence
                </Checkbox>
                <Checkbox disabled={!!writeReason} checked={shown.postLaunchEnabled ?? false} onChange={(e) => set({ postLaunchEnabled: e.detail.checked })}>
                  Post-launch actions
                </Checkbox>
              </SpaceBetween>
            </SpaceBetween>
          )}
        </Container>
        <Container
          header={
            <Header
              variant="h2"
              actions={
                !writeReason && (
                  <Button
                    disabled={!!writeReason}
                    disabledReason={writeReason}
                    data-testid="save-tags"
                    onClick={() => void action.run(() => api.drs.putTags(serverId, location, tagChanges(s.tags, shownTags)), 'Tags saved in DRS.')}
                  >
                    Save tags
                  </Button>
                )
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
