import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleGroups } from '../../auth/permissions';
import type { GroupLaunchConfigurationInput } from '../../api/types';
import { FakeBackend, fail, ok, page } from '../../test/FakeBackend';
import { anAccountId, aProtectionGroup, aSourceServer, aTagGroup, aTargetAccount } from '../../test/builders';
import { renderPage } from '../../test/renderPage';
import ProtectionGroupEditPage from './ProtectionGroupEditPage';

const servers = [
  aSourceServer(),
  aSourceServer({ sourceServerId: 's-web2', hostname: 'web-02', replicationState: 'STALLED' }),
  aSourceServer({ sourceServerId: 's-db1', hostname: 'db-01', protectionGroupId: 'pg-db', tags: { Tier: 'db' } }),
];
const sourcePage = (items = servers) => ok({ accountId: anAccountId, region: 'us-east-1', items, total: items.length, nextToken: null });

function backend() {
  return new FakeBackend()
    .on('GET', '/accounts', page([aTargetAccount({ regions: ['us-east-1', 'eu-west-1'] })]))
    .on('GET', '/config/regions', ok({ regions: ['us-east-1'] }))
    .on('GET', '/drs/source-servers', sourcePage())
    .on('GET', '/protection-groups', page([aProtectionGroup(), aTagGroup()]))
    .on('GET', '/protection-groups/:id', ok(aProtectionGroup({ selection: { mode: 'SOURCE_SERVER_IDS', sourceServerIds: ['s-web1'], tagCriteria: [] } })))
    .on('GET', '/ec2/subnets', ok({ items: [{ subnetId: 'subnet-0a1', vpcId: 'vpc-1', availabilityZone: 'us-east-1a', cidrBlock: '10.0.0.0/24', name: 'dr-a' }] }))
    .on('GET', '/ec2/security-groups', ok({ items: [{ groupId: 'sg-0a1', groupName: 'dr-web', vpcId: 'vpc-1', description: null }, { groupId: 'sg-other', groupName: 'x', vpcId: 'vpc-2', description: null }] }))
    .on('GET', '/ec2/instance-types', ok({ items: [{ instanceType: 'm5.large', defaultVCpus: 2, memoryMiB: 8192 }] }))
    .on('GET', '/ec2/instance-profiles', ok({ items: [] }))
    .on('POST', '/protection-groups/resolve', (req) => {
      const criteria = (req.body as { tagCriteria: { key: string; value: string }[] }).tagCriteria;
      const matches = servers.filter((s) => criteria.every((c) => s.tags[c.key] === c.value));
      return ok({ accountId: anAccountId, region: 'us-east-1', scannedServers: servers.length, matches });
    });
}

function edit(b = backend()) {
  return renderPage(<ProtectionGroupEditPage />, { url: '/protection-groups/pg-web/edit', path: '/protection-groups/:groupId/edit', backend: b });
}

describe('ProtectionGroupEditPage', () => {
  it('ProtectionGroupEditPage_Discovery_ServerOwnedByOtherGroupGreyedAndDisabled', async () => {
    const { wrapper } = edit();

    const discovery = await screen.findByTestId('server-discovery');
    await waitFor(() => expect(discovery).toHaveTextContent('db-01'));
    const table = wrapper.findTable('[data-testid="server-discovery"]')!;
    expect(table.findBodyCell(3, 6)!.getElement()).toHaveTextContent('Assigned to Databases');
    expect(table.findRowSelectionArea(3)!.find('input')!.getElement()).toBeDisabled();
    expect(table.findRowSelectionArea(1)!.find('input')!.getElement()).toBeChecked();
    expect(table.findBodyCell(2, 4)!.getElement()).toHaveTextContent('STALLED');
  });

  it('ProtectionGroupEditPage_SaveSelection_PutsChosenServers', async () => {
    const b = backend().on('PUT', '/protection-groups/:id', (req) => ok({ ...aProtectionGroup(), ...(req.body as object) }));
    const { wrapper } = edit(b);
    await waitFor(() => expect(screen.getByTestId('server-discovery')).toHaveTextContent('web-02'));

    wrapper.findTable('[data-testid="server-discovery"]')!.findRowSelectionArea(2)!.click();
    fireEvent.click(screen.getByTestId('save-group'));

    await waitFor(() => expect(b.callsTo('PUT', '/protection-groups/pg-web')).toHaveLength(1));
    const body = b.callsTo('PUT', '/protection-groups/pg-web')[0]!.body;
    expect(body).toEqual({
      version: 1,
      name: 'Web tier',
      description: 'Front-end servers',
      accountId: anAccountId,
      region: 'us-east-1',
      selection: { mode: 'SOURCE_SERVER_IDS', sourceServerIds: ['s-web1', 's-web2'] },
      launchSettings: {},
      serverOverrides: {},
    });
    expect(await screen.findByTestId('navigated-away')).toBeInTheDocument();
  });

  it('ProtectionGroupEditPage_TagCriteria_LivePreviewFromResolve', async () => {
    const b = backend();
    const { wrapper } = edit(b);
    await screen.findByTestId('server-discovery');

    wrapper.findSegmentedControl()!.findSegments()[1]!.click();
    wrapper.findAttributeEditor()!.findAddButton().click();
    fireEvent.change(screen.getByLabelText('Tag key 1'), { target: { value: 'Tier' } });
    fireEvent.change(screen.getByLabelText('Tag value 1'), { target: { value: 'db' } });

    const preview = screen.getByTestId('tag-preview');
    await waitFor(() => expect(preview).toHaveTextContent('db-01'));
    expect(preview).toHaveTextContent('1 matching server(s) already belong to another group.');
    const resolveCalls = b.callsTo('POST', '/protection-groups/resolve');
    expect(resolveCalls.at(-1)!.body).toEqual({ accountId: anAccountId, region: 'us-east-1', tagCriteria: [{ key: 'Tier', value: 'db' }] });
  });

  it('ProtectionGroupEditPage_ServerConflict_FlashesCodeAndStays', async () => {
    const b = backend().on('PUT', '/protection-groups/:id', fail(409, 'SERVER_CONFLICT', 's-web1 already belongs to Databases.'));
    edit(b);
    await waitFor(() => expect(screen.getByTestId('server-discovery')).toHaveTextContent('web-01'));

    fireEvent.click(screen.getByTestId('save-group'));

    expect(await screen.findByTestId('flash-error')).toHaveTextContent('SERVER_CONFLICT: s-web1 already belongs to Databases.');
    expect(screen.queryByTestId('navigated-away')).not.toBeInTheDocument();
  });

  it('ProtectionGroupEditPage_Create_PostsNewGroup', async () => {
    const b = backend().on('POST', '/protection-groups', (req) => ok({ ...aProtectionGroup(), ...(req.body as object) }, 201));
    const { wrapper } = renderPage(<ProtectionGroupEditPage />, { url: '/protection-groups/new', path: '/protection-groups/new', backend: b });

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'App tier' } });
    await waitFor(() => expect(b.callsTo('GET', '/accounts')).toHaveLength(1));
    const account = wrapper.findSelect('[data-testid="group-account"]')!;
    account.openDropdown();
    await waitFor(() => expect(account.findDropdown().findOptions()).toHaveLength(1));
    account.selectOption(1);
    const region = wrapper.findSelect('[data-testid="group-region"]')!;
    region.openDropdown();
    region.selectOption(2);
    await waitFor(() => expect(screen.getByTestId('server-discovery')).toHaveTextContent('web-01'));
    wrapper.findTable('[data-testid="server-discovery"]')!.findRowSelectionArea(1)!.click();
    fireEvent.click(screen.getByTestId('save-group'));

    await waitFor(() => expect(b.callsTo('POST', '/protection-groups')).toHaveLength(1));
    expect(b.callsTo('POST', '/protection-groups')[0]!.body).toMatchObject({
      name: 'App tier',
      accountId: anAccountId,
      region: 'eu-west-1',
      selection: { mode: 'SOURCE_SERVER_IDS', sourceServerIds: ['s-web1'] },
    });
    expect(b.callsTo('POST', '/protection-groups')[0]!.body).not.toHaveProperty('version');
  });

  it('ProtectionGroupEditPage_ValidationErrors_ShownInlineUnderFields', async () => {
    const b = backend().on(
      'PUT',
      '/protection-groups/:id',
      fail(422, 'INVALID_LAUNCH_SETTINGS', 'Protection group is invalid.', {
        errors: [
          { field: 'name', code: 'MISSING_FIELD', message: 'name is required.' },
          { field: 'launchSettings.instanceType', code: 'INVALID_LAUNCH_SETTINGS', message: 'A fixed instanceType requires rightSizing NONE.' },
        ],
      }),
    );
    edit(b);
    await waitFor(() => expect(screen.getByTestId('server-discovery')).toHaveTextContent('web-01'));

    fireEvent.click(screen.getByTestId('save-group'));

    expect(await screen.findByText('name is required.')).toBeInTheDocument();
    expect(screen.getByText('A fixed instanceType requires rightSizing NONE.')).toBeInTheDocument();
    expect(screen.getByTestId('flash-error')).toHaveTextContent('INVALID_LAUNCH_SETTINGS');
  });

  it('ProtectionGroupEditPage_SecurityGroupPicker_OffersOnlyTheSubnetsVpc', async () => {
    const b = backend().on(
      'GET',
      '/protection-groups/:id',
      ok(aProtectionGroup({ launchSettings: { subnetId: 'subnet-0a1', rightSizing: 'NONE', instanceType: 'm5.large' } })),
    );
    const { wrapper } = edit(b);
    await waitFor(() => expect(b.callsTo('GET', '/ec2/security-groups')).toHaveLength(1));
    expect(b.callsTo('GET', '/ec2/subnets')[0]!.query.get('accountId')).toBe(anAccountId);

    const picker = wrapper.findMultiselect()!;
    picker.openDropdown();

    await waitFor(() => expect(picker.findDropdown().findOptions()).toHaveLength(1));
    expect(picker.findDropdown().findOptions()[0]!.getElement()).toHaveTextContent('sg-0a1');
  });

  it('ProtectionGroupEditPage_Apply_ShowsEachServerFailureWithItsCause', async () => {
    const b = backend().on(
      'POST',
      '/protection-groups/:id/apply-launch-configuration',
      ok({ groupId: 'pg-web', updated: 1, unchanged: 0, failed: 1, servers: [{ sourceServerId: 's-web2', status: 'FAILED', errorCode: 'InvalidSubnetID.NotFound', error: 'EC2 InvalidSubnetID.NotFound: subnet-0bad does not exist' }] }),
    );
    edit(b);
    await waitFor(() => expect(screen.getByTestId('server-discovery')).toHaveTextContent('web-01'));

    fireEvent.click(screen.getByTestId('apply-launch-settings'));

    const result = await screen.findByTestId('apply-result');
    expect(result).toHaveTextContent('1 updated, 0 unchanged, 1 failed');
    expect(result).toHaveTextContent('s-web2: EC2 InvalidSubnetID.NotFound: subnet-0bad does not exist');
  });

  it('ProtectionGroupEditPage_NewGroup_ApplyDisabledUntilSaved', async () => {
    renderPage(<ProtectionGroupEditPage />, { url: '/protection-groups/new', path: '/protection-groups/new', backend: backend() });

    expect(await screen.findByTestId('apply-launch-settings')).toHaveAttribute('aria-disabled', 'true');
  });

  it('ProtectionGroupEditPage_GroupFlagBackToKeepDrs_LeavesItOutOfTheRequest', async () => {
    const b = backend()
      .on('GET', '/protection-groups/:id', ok(aProtectionGroup({ launchSettings: { copyTags: true, copyPrivateIp: false } })))
      .on('PUT', '/protection-groups/:id', (req) => ok({ ...aProtectionGroup(), ...(req.body as object) }));
    const { wrapper } = edit(b);
    await waitFor(() => expect(wrapper.findSelect('[data-testid="copy-tags"]')).not.toBeNull());
    const copyTags = wrapper.findSelect('[data-testid="copy-tags"]')!;
    expect(copyTags.findTrigger().getElement()).toHaveTextContent('Yes');
    expect(wrapper.findSelect('[data-testid="copy-private-ip"]')!.findTrigger().getElement()).toHaveTextContent('No');

    copyTags.openDropdown();
    copyTags.selectOptionByValue('');
    expect(copyTags.findTrigger().getElement()).toHaveTextContent('Keep what DRS has');
    fireEvent.click(screen.getByTestId('save-group'));

    await waitFor(() => expect(b.callsTo('PUT', '/protection-groups/pg-web')).toHaveLength(1));
    expect(b.callsTo('PUT', '/protection-groups/pg-web')[0]!.body).toMatchObject({ launchSettings: { copyPrivateIp: false } });
    expect((b.callsTo('PUT', '/protection-groups/pg-web')[0]!.body as { launchSettings: object }).launchSettings).not.toHaveProperty('copyTags');
  });

  it('ProtectionGroupEditPage_InstanceProfiles_ShowRoleAndGroupsUsingThem', async () => {
    const b = backend().on(
      'GET',
      '/ec2/instance-profiles',
      ok({
        items: [
          { name: 'dr-web-profile', arn: 'arn:aws:iam::000000000000:instance-profile/dr-web-profile', roleName: 'dr-web-role', usedBy: ['pg-web', 'pg-db'] },
          { name: 'spare-profile', arn: 'arn:aws:iam::000000000000:instance-profile/spare-profile', roleName: null, usedBy: [] },
        ],
      }),
    );
    const { wrapper } = edit(b);
    await waitFor(() => expect(b.callsTo('GET', '/ec2/instance-profiles')).toHaveLength(1));
    await waitFor(() => expect(b.callsTo('GET', '/protection-groups')).toHaveLength(1));

    const picker = wrapper.findAutosuggest('[data-testid="instance-profile"]')!;
    picker.focus();
    picker.setInputValue('profile');

    await waitFor(() => expect(picker.findDropdown().findOptions()).toHaveLength(2));
    const [used, spare] = picker.findDropdown().findOptions();
    await waitFor(() => expect(used!.getElement()).toHaveTextContent('Used by: Web tier, Databases'));
    expect(used!.getElement()).toHaveTextContent('dr-web-profile');
    expect(used!.getElement()).toHaveTextContent('Role: dr-web-role');
    expect(spare!.getElement()).toHaveTextContent('No role attached');
    expect(spare!.getElement()).toHaveTextContent('Not used by any group here');
  });

  it('ProtectionGroupEditPage_InstanceProfilesUnreadable_TypedNameIsSaved', async () => {
    const b = backend()
      .on('GET', '/ec2/instance-profiles', fail(403, 'ACCESS_DENIED', 'iam:ListInstanceProfiles is not allowed.'))
      .on('PUT', '/protection-groups/:id', (req) => ok({ ...aProtectionGroup(), ...(req.body as object) }));
    const { wrapper } = edit(b);
    await waitFor(() => expect(screen.getByText('IAM lookup failed; type the profile name or ARN.')).toBeInTheDocument());

    const picker = wrapper.findAutosuggest('[data-testid="instance-profile"]')!;
    picker.focus();
    picker.setInputValue('custom-profile');
    fireEvent.click(screen.getByTestId('save-group'));

    await waitFor(() => expect(b.callsTo('PUT', '/protection-groups/pg-web')).toHaveLength(1));
    expect(b.callsTo('PUT', '/protection-groups/pg-web')[0]!.body).toMatchObject({ launchSettings: { instanceProfile: 'custom-profile' } });
  });

  describe('per-server launch overrides', () => {
    const withOverride = aProtectionGroup({
      selection: { mode: 'SOURCE_SERVER_IDS', sourceServerIds: ['s-web1', 's-web2'], tagCriteria: [] },
      launchSettings: { launchDisposition: 'STARTED' },
      serverOverrides: { 's-web2': { rightSizing: 'NONE', instanceType: 'm5.large' } },
      version: 3,
    });
    const overridesBackend = () =>
      backend()
        .on('GET', '/protection-groups/:id', ok(withOverride))
        .on('PUT', '/protection-groups/:id/launch-configuration', (req) => {
          const body = req.body as GroupLaunchConfigurationInput;
          return ok({ groupId: 'pg-web', launchSettings: body.launchSettings, serverOverrides: body.serverOverrides ?? {}, version: body.version + 1 });
        });
    const overrideCell = (id: string) => screen.getByTestId(`override-${id}`);

    it('ProtectionGroupEditPage_Overrides_ListsGroupServersAndWhichHaveOne', async () => {
      edit(overridesBackend());

      await waitFor(() => expect(screen.getByTestId('server-overrides')).toHaveTextContent('web-02 (s-web2)'));
      expect(overrideCell('s-web2')).toHaveTextContent('instance type: m5.large; right-sizing: NONE');
      expect(overrideCell('s-web1')).toHaveTextContent('None (group settings)');
      expect(screen.getByTestId('server-overrides')).toHaveTextContent('(1 with an override)');
      expect(screen.getByTestId('edit-override-s-web1')).toHaveTextContent('Add override');
      expect(screen.queryByTestId('clear-override-s-web1')).toBeNull();
    });

    it('ProtectionGroupEditPage_EditOverride_PutsWholeMapWithSavedGroupSettings', async () => {
      const b = overridesBackend();
      edit(b);
      fireEvent.click(await screen.findByTestId('edit-override-s-web1'));
      const modal = await screen.findByTestId('override-modal');

      fireEvent.change(within(modal).getByLabelText('Instance profile'), { target: { value: 'dr-web-profile' } });
      fireEvent.change(within(modal).getByLabelText('Subnet ID'), { target: { value: 'subnet-0b2' } });
      fireEvent.click(within(modal).getByTestId('save-override'));

      await waitFor(() => expect(b.callsTo('PUT', '/protection-groups/pg-web/launch-configuration')).toHaveLength(1));
      expect(b.callsTo('PUT', '/protection-groups/pg-web/launch-configuration')[0]!.body).toEqual({
        version: 3,
        launchSettings: { launchDisposition: 'STARTED' },
        serverOverrides: {
          's-web2': { rightSizing: 'NONE', instanceType: 'm5.large' },
          's-web1': { subnetId: 'subnet-0b2', instanceProfile: 'dr-web-profile' },
        },
      });
      await waitFor(() => expect(overrideCell('s-web1')).toHaveTextContent('subnet: subnet-0b2; instance profile: dr-web-profile'));
      expect(await screen.findByText(/Launch override for web-01 \(s-web1\) saved/)).toBeInTheDocument();
    });

    it('ProtectionGroupEditPage_ClearOverride_PutsMapWithoutTheServer', async () => {
      const b = overridesBackend();
      edit(b);

      fireEvent.click(await screen.findByTestId('clear-override-s-web2'));

      await waitFor(() => expect(b.callsTo('PUT', '/protection-groups/pg-web/launch-configuration')).toHaveLength(1));
      expect(b.callsTo('PUT', '/protection-groups/pg-web/launch-configuration')[0]!.body).toEqual({ version: 3, launchSettings: { launchDisposition: 'STARTED' }, serverOverrides: {} });
      await waitFor(() => expect(overrideCell('s-web2')).toHaveTextContent('None (group settings)'));
      expect(screen.queryByTestId('clear-override-s-web2')).toBeNull();
    });

    it('ProtectionGroupEditPage_SaveAfterOverride_SendsNewVersionAndKeepsOverride', async () => {
      const b = overridesBackend().on('PUT', '/protection-groups/:id', (req) => ok({ ...withOverride, ...(req.body as object) }));
      edit(b);
      fireEvent.click(await screen.findByTestId('clear-override-s-web2'));
      await waitFor(() => expect(overrideCell('s-web2')).toHaveTextContent('None (group settings)'));

      fireEvent.click(screen.getByTestId('save-group'));

      await waitFor(() => expect(b.callsTo('PUT', '/protection-groups/pg-web')).toHaveLength(1));
      expect(b.callsTo('PUT', '/protection-groups/pg-web')[0]!.body).toMatchObject({ version: 4, serverOverrides: {} });
    });

    it('ProtectionGroupEditPage_OverrideRejected_ShowsCodeMessageAndFieldError', async () => {
      const b = overridesBackend().on(
        'PUT',
        '/protection-groups/:id/launch-configuration',
        fail(400, 'INVALID_LAUNCH_SETTINGS', 'Protection group is invalid.', {
          errors: [{ field: 'serverOverrides[s-web1].instanceType', code: 'INVALID_LAUNCH_SETTINGS', message: 'A fixed instanceType requires rightSizing NONE.' }],
        }),
      );
      edit(b);
      fireEvent.click(await screen.findByTestId('edit-override-s-web1'));
      const modal = await screen.findByTestId('override-modal');
      fireEvent.change(within(modal).getByLabelText('Instance type'), { target: { value: 'c5.xlarge' } });

      fireEvent.click(within(modal).getByTestId('save-override'));

      const error = await within(modal).findByTestId('override-error');
      expect(error).toHaveTextContent('INVALID_LAUNCH_SETTINGS: Protection group is invalid.');
      expect(error).toHaveTextContent('INVALID_LAUNCH_SETTINGS at serverOverrides[s-web1].instanceType: A fixed instanceType requires rightSizing NONE.');
      // The message also sits under the field it is about, and the modal stays open with the input kept.
      expect(within(modal).getByText('A fixed instanceType requires rightSizing NONE.')).toBeInTheDocument();
      expect(within(modal).getByLabelText('Instance type')).toHaveValue('c5.xlarge');
      expect(overrideCell('s-web1')).toHaveTextContent('None (group settings)');
    });

    it('ProtectionGroupEditPage_OverrideFlagBackToGroup_DropsOnlyThatMember', async () => {
      const b = overridesBackend().on(
        'GET',
        '/protection-groups/:id',
        ok({ ...withOverride, launchSettings: { launchDisposition: 'STARTED', copyTags: false }, serverOverrides: { 's-web2': { instanceType: 'm5.large', rightSizing: 'NONE', copyTags: true } } }),
      );
      edit(b);
      fireEvent.click(await screen.findByTestId('edit-override-s-web2'));
      const modal = createWrapper(await screen.findByTestId('override-modal'));
      const copyTags = modal.findSelect('[data-testid="copy-tags"]')!;
      expect(copyTags.findTrigger().getElement()).toHaveTextContent('Yes');

      copyTags.openDropdown();
      const useGroup = copyTags.findDropdown().findOptionByValue('')!.getElement();
      expect(useGroup).toHaveTextContent("Use the group's setting");
      expect(useGroup).toHaveTextContent("The group's: no");
      copyTags.selectOptionByValue('');
      fireEvent.click(screen.getByTestId('save-override'));

      await waitFor(() => expect(b.callsTo('PUT', '/protection-groups/pg-web/launch-configuration')).toHaveLength(1));
      expect(b.callsTo('PUT', '/protection-groups/pg-web/launch-configuration')[0]!.body).toEqual({
        version: 3,
        launchSettings: { launchDisposition: 'STARTED', copyTags: false },
        serverOverrides: { 's-web2': { instanceType: 'm5.large', rightSizing: 'NONE' } },
      });
      await waitFor(() => expect(overrideCell('s-web2')).toHaveTextContent('instance type: m5.large; right-sizing: NONE'));
      expect(overrideCell('s-web2')).not.toHaveTextContent('copy tags');
    });

    it('ProtectionGroupEditPage_OverrideOnlyFlagBackToGroup_RemovesTheOverride', async () => {
      const b = overridesBackend().on('GET', '/protection-groups/:id', ok({ ...withOverride, serverOverrides: { 's-web2': { copyPrivateIp: true } } }));
      edit(b);
      fireEvent.click(await screen.findByTestId('edit-override-s-web2'));
      const modal = createWrapper(await screen.findByTestId('override-modal'));
      const copyIp = modal.findSelect('[data-testid="copy-private-ip"]')!;

      copyIp.openDropdown();
      copyIp.selectOptionByValue('');
      fireEvent.click(screen.getByTestId('save-override'));

      await waitFor(() => expect(b.callsTo('PUT', '/protection-groups/pg-web/launch-configuration')).toHaveLength(1));
      expect(b.callsTo('PUT', '/protection-groups/pg-web/launch-configuration')[0]!.body).toEqual({ version: 3, launchSettings: { launchDisposition: 'STARTED' }, serverOverrides: {} });
      await waitFor(() => expect(overrideCell('s-web2')).toHaveTextContent('None (group settings)'));
    });

    it('ProtectionGroupEditPage_OverrideFlagNo_SendsFalse', async () => {
      const b = overridesBackend();
      edit(b);
      fireEvent.click(await screen.findByTestId('edit-override-s-web1'));
      const modal = createWrapper(await screen.findByTestId('override-modal'));
      const copyTags = modal.findSelect('[data-testid="copy-tags"]')!;
      expect(copyTags.findTrigger().getElement()).toHaveTextContent("Use the group's setting");

      copyTags.openDropdown();
      copyTags.selectOptionByValue('false');
      fireEvent.click(screen.getByTestId('save-override'));

      await waitFor(() => expect(b.callsTo('PUT', '/protection-groups/pg-web/launch-configuration')).toHaveLength(1));
      expect(b.callsTo('PUT', '/protection-groups/pg-web/launch-configuration')[0]!.body).toMatchObject({ serverOverrides: { 's-web1': { copyTags: false } } });
      await waitFor(() => expect(overrideCell('s-web1')).toHaveTextContent('copy tags: no'));
    });

    it('ProtectionGroupEditPage_ReadOnlyUser_SentToDetailsNotTheForm', async () => {
      renderPage(<ProtectionGroupEditPage />, { url: '/protection-groups/pg-web/edit', path: '/protection-groups/:groupId/edit', groups: [RoleGroups.readOnly], backend: overridesBackend() });

      expect(await screen.findByTestId('navigated-away')).toBeInTheDocument();
      expect(screen.queryByTestId('save-group')).toBeNull();
      expect(screen.queryByTestId('server-overrides')).toBeNull();
    });
  });
});
