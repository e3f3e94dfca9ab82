import Autosuggest from '@cloudscape-design/components/autosuggest';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Multiselect from '@cloudscape-design/components/multiselect';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { LaunchDisposition, LaunchSettings, LicensingModel, Location, RightSizingMethod } from '../../api/types';
import { errorText, type FieldProblem } from '../../api/validation';
import { useServices } from '../../app/services';
import { useQuery } from '../../app/useQuery';
import { launchValueText } from './launchSettingsText';

type Option<T> = { value: T | ''; label: string; description?: string };
type KeepOption = Option<never>;

/** The choices of each select after its "not set" option (which keepFor words for the form it is in). */
function optionSets(keepFor: (member: keyof LaunchSettings) => KeepOption) {
  const rightSizing: Option<RightSizingMethod>[] = [
    keepFor('rightSizing'),
    { value: 'NONE', label: 'None (use the instance type below)' },
    { value: 'BASIC', label: 'Basic (DRS picks the type from the source)' },
    { value: 'IN_AWS', label: 'In AWS (right-size from AWS metrics)' },
  ];
  const dispositions: Option<LaunchDisposition>[] = [keepFor('launchDisposition'), { value: 'STARTED', label: 'Started' }, { value: 'STOPPED', label: 'Stopped' }];
  const licensing: Option<LicensingModel>[] = [
    keepFor('licensing'),
    { value: 'LICENSE_INCLUDED', label: 'Licence included (AWS provided)' },
    { value: 'BYOL', label: 'Bring your own licence' },
  ];
  return { rightSizing, dispositions, licensing };
}

/** The wire value of a flag as a select value: '' is null ("not set"). */
function flagValue(value: boolean | null | undefined): '' | 'true' | 'false' {
  return value === null || value === undefined ? '' : value ? 'true' : 'false';
}

/**
 * A boolean setting that may also be left unset (null): for the group that keeps DRS's value, for an
 * override the group's. A checkbox cannot be taken back to unset once ticked, so this is a select.
 */
function FlagSelect({
  label,
  value,
  onChange,
  keep,
  disabled,
  errorText,
  testId,
}: {
  label: string;
  testId: string;
  value: boolean | null | undefined;
  onChange: (v: boolean | null) => void;
  keep: KeepOption;
  disabled?: boolean;
  errorText?: string;
}) {
  const options: Option<'true' | 'false'>[] = [keep, { value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }];
  return (
    <FormField label={label} errorText={errorText}>
      <Select
        data-testid={testId}
        disabled={disabled}
        ariaLabel={label}
        selectedOption={options.find((o) => o.value === flagValue(value)) ?? keep}
        options={options}
        onChange={(e) => {
          const v = e.detail.selectedOption.value;
          onChange(v === 'true' ? true : v === 'false' ? false : null);
        }}
      />
    </FormField>
  );
}

/**
 * Group launch settings (subnet, security groups, instance type, profile, right-sizing, disposition,
 * licensing). Pickers list what EC2 has in the group's account and region; a picker that cannot load
 * still accepts a typed ID, because a launch template may reference resources the lookup cannot see.
 */
export function LaunchSettingsForm({
  value,
  onChange,
  location,
  readOnly,
  problems = [],
  fieldPrefix = 'launchSettings',
  unsetLabel = 'Keep what DRS has',
  inherited,
  groupName = (groupId) => groupId,
}: {
  value: LaunchSettings;
  onChange: (next: LaunchSettings) => void;
  location: Location | null;
  readOnly?: boolean;
  problems?: FieldProblem[];
  fieldPrefix?: string;
  /** How a select shows "not set" (an override falls back to the group, the group to DRS). */
  unsetLabel?: string;
  /** What "not set" falls back to (an override's group settings), shown with that choice. */
  inherited?: LaunchSettings;
  /** A protection group's name by ID, for the groups that use an instance profile. */
  groupName?: (groupId: string) => string;
}) {
  const { api } = useServices();
  const keepFor = (member: keyof LaunchSettings): KeepOption => ({
    value: '',
    label: unsetLabel,
    description: inherited ? `The group's: ${launchValueText(inherited[member]) ?? 'not set (DRS keeps its own)'}` : undefined,
  });
  const { rightSizing, dispositions, licensing } = optionSets(keepFor);
  const scope = location ? `${location.accountId}:${location.region}` : null;
  const subnets = useQuery(scope && `ec2:subnets:${scope}`, () => api.ec2.subnets(location!), { quiet: true });
  const groups = useQuery(scope && `ec2:security-groups:${scope}`, () => api.ec2.securityGroups(location!), { quiet: true });
  const types = useQuery(scope && `ec2:instance-types:${scope}`, () => api.ec2.instanceTypes(location!), { quiet: true });
  const profiles = useQuery(scope && `ec2:instance-profiles:${scope}`, () => api.ec2.instanceProfiles(location!), { quiet: true });

  const set = (patch: Partial<LaunchSettings>) => onChange({ ...value, ...patch });
  const err = (field: string) => errorText(problems, `${fieldPrefix}.${field}`);
  const method = value.rightSizing ?? '';
  const subnet = subnets.data?.items.find((s) => s.subnetId === value.subnetId);
  // Security groups must belong to the subnet's VPC; once a subnet is known, offer only its VPC's groups.
  const groupItems = (groups.data?.items ?? []).filter((g) => !subnet?.vpcId || !g.vpcId || g.vpcId === subnet.vpcId);
  const chosenGroups = value.securityGroupIds ?? [];
  const lookupFailed = (failed: boolean) => (failed ? 'EC2 lookup failed; type the ID.' : undefined);

  return (
    <SpaceBetween size="m">
      <ColumnLayout columns={2}>
        <FormField label="Subnet" description="Where recovery instances launch." errorText={err('subnetId')} constraintText={lookupFailed(!!subnets.error)}>
          <Autosuggest
            value={value.subnetId ?? ''}
            placeholder="subnet-..."
            readOnly={readOnly}
            ariaLabel="Subnet ID"
            enteredTextLabel={(v) => `Use: ${v}`}
            statusType={subnets.loading ? 'loading' : 'finished'}
            loadingText="Loading subnets"
            empty="No subnets found"
            options={(subnets.data?.items ?? []).map((s) => ({
              value: s.subnetId,
              label: s.subnetId,
              description: [s.name, s.vpcId, s.availabilityZone, s.cidrBlock].filter(Boolean).join(' / '),
            }))}
            onChange={(e) => set({ subnetId: e.detail.value.trim() || null })}
          />
        </FormField>
        <FormField label="Security groups" description={subnet?.vpcId ? `Groups of ${subnet.vpcId}.` : 'Groups of the subnet’s VPC.'} errorText={err('securityGroupIds')} constraintText={lookupFailed(!!groups.error)}>
          {groups.error ? (
            <Input
              value={chosenGroups.join(', ')}
              placeholder="sg-..., sg-..."
              readOnly={readOnly}
              ariaLabel="Security group IDs"
              onChange={(e) => set({ securityGroupIds: e.detail.value.split(',').map((s) => s.trim()).filter(Boolean) })}
            />
          ) : (
            <Multiselect
              ariaLabel="Security group IDs"
              disabled={readOnly}
              statusType={groups.loading ? 'loading' : 'finished'}
              loadingText="Loading security groups"
              placeholder="Choose security groups"
              empty={location ? 'No security groups found' : 'Choose an account and region first'}
              selectedOptions={chosenGroups.map((id) => ({ value: id, label: id }))}
              options={groupItems.map((g) => ({ value: g.groupId, label: g.groupId, description: [g.groupName, g.vpcId].filter(Boolean).join(' / ') }))}
              onChange={(e) => set({ securityGroupIds: e.detail.selectedOptions.map((o) => o.value ?? '').filter(Boolean) })}
            />
          )}
        </FormField>
        <FormField label="Instance type right-sizing" errorText={err('rightSizing')}>
          <Select
            disabled={readOnly}
            ariaLabel="Instance type right-sizing"
            selectedOption={rightSizing.find((o) => o.value === method) ?? rightSizing[0]!}
            options={rightSizing}
            onChange={(e) => set({ rightSizing: (e.detail.selectedOption.value || null) as RightSizingMethod | null })}
          />
        </FormField>
        <FormField label="Instance type" description="A fixed type needs right-sizing None." errorText={err('instanceType')} constraintText={lookupFailed(!!types.error)}>
          <Autosuggest
            value={value.instanceType ?? ''}
            placeholder="m5.large"
            readOnly={readOnly}
            ariaLabel="Instance type"
            enteredTextLabel={(v) => `Use: ${v}`}
            statusType={types.loading ? 'loading' : 'finished'}
            loadingText="Loading instance types"
            empty="No instance types found"
            options={(types.data?.items ?? []).map((t) => ({
              value: t.instanceType,
              description: [t.defaultVCpus ? `${t.defaultVCpus} vCPU` : null, t.memoryMiB ? `${Math.round(t.memoryMiB / 1024)} GiB` : null].filter(Boolean).join(', '),
            }))}
            onChange={(e) => set({ instanceType: e.detail.value.trim() || null })}
          />
        </FormField>
        <FormField
          label="Instance profile"
          description="IAM instance profile name or ARN."
          errorText={err('instanceProfile')}
          constraintText={profiles.error ? 'IAM lookup failed; type the profile name or ARN.' : undefined}
        >
          <Autosuggest
            data-testid="instance-profile"
            value={value.instanceProfile ?? ''}
            placeholder="Profile name or ARN"
            readOnly={readOnly}
            ariaLabel="Instance profile"
            enteredTextLabel={(v) => `Use: ${v}`}
            statusType={profiles.loading ? 'loading' : profiles.error ? 'error' : 'finished'}
            loadingText="Loading instance profiles"
            errorText={profiles.error ? `${profiles.error.code}: ${profiles.error.message}` : undefined}
            empty={location ? 'No instance profiles found' : 'Choose an account and region first'}
            options={(profiles.data?.items ?? []).map((p) => ({
              value: p.name,
              label: p.name,
              description: p.roleName ? `Role: ${p.roleName}` : 'No role attached',
              tags: [p.usedBy.length > 0 ? `Used by: ${p.usedBy.map(groupName).join(', ')}` : 'Not used by any group here'],
            }))}
            onChange={(e) => set({ instanceProfile: e.detail.value.trim() || null })}
          />
        </FormField>
        <FormField label="Launch disposition" errorText={err('launchDisposition')}>
          <Select
            disabled={readOnly}
            ariaLabel="Launch disposition"
            selectedOption={dispositions.find((o) => o.value === (value.launchDisposition ?? '')) ?? dispositions[0]!}
            options={dispositions}
            onChange={(e) => set({ launchDisposition: (e.detail.selectedOption.value || null) as LaunchDisposition | null })}
          />
        </FormField>
        <FormField label="OS licensing" errorText={err('licensing')}>
          <Select
            disabled={readOnly}
            ariaLabel="OS licensing"
            selectedOption={licensing.find((o) => o.value === (value.licensing ?? '')) ?? licensing[0]!}
            options={licensing}
            onChange={(e) => set({ licensing: (e.detail.selectedOption.value || null) as LicensingModel | null })}
          />
        </FormField>
      </ColumnLayout>
      <ColumnLayout columns={2}>
        <FlagSelect label="Copy private IP" testId="copy-private-ip" disabled={readOnly} keep={keepFor('copyPrivateIp')} value={value.copyPrivateIp} errorText={err('copyPrivateIp')} onChange={(v) => set({ copyPrivateIp: v })} />
        <FlagSelect label="Copy tags" testId="copy-tags" disabled={readOnly} keep={keepFor('copyTags')} value={value.copyTags} errorText={err('copyTags')} onChange={(v) => set({ copyTags: v })} />
      </ColumnLayout>
    </SpaceBetween>
  );
}

/** Drops members left empty so the request says "keep what DRS has" with null rather than "". */
export function cleanLaunchSettings(settings: LaunchSettings): LaunchSettings {
  const cleaned: LaunchSettings = {};
  for (const [key, v] of Object.entries(settings) as [keyof LaunchSettings, unknown][]) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    (cleaned as Record<string, unknown>)[key] = v;
  }
  return cleaned;
}
