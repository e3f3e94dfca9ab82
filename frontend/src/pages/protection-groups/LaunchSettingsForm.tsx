import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { LaunchDisposition, LaunchSettings, RightSizingMethod } from '../../api/types';

const rightSizing: { value: RightSizingMethod; label: string }[] = [
  { value: 'NONE', label: 'None (use the instance type below)' },
  { value: 'BASIC', label: 'Basic (DRS picks the type from the source)' },
  { value: 'IN_AWS', label: 'In AWS (right-size from AWS metrics)' },
];
const dispositions: { value: LaunchDisposition; label: string }[] = [
  { value: 'STARTED', label: 'Started' },
  { value: 'STOPPED', label: 'Stopped' },
];

/** DRS launch settings, shared by protection groups (group defaults) and single source servers. */
export function LaunchSettingsForm({ value, onChange, readOnly }: { value: LaunchSettings; onChange: (next: LaunchSettings) => void; readOnly?: boolean }) {
  const set = (patch: Partial<LaunchSettings>) => onChange({ ...value, ...patch });
  const method = value.targetInstanceTypeRightSizingMethod ?? 'NONE';
  const disposition = value.launchDisposition ?? 'STARTED';
  return (
    <SpaceBetween size="m">
      <ColumnLayout columns={2}>
        <FormField label="Subnet ID" description="Where recovery instances launch.">
          <Input value={value.subnetId ?? ''} placeholder="subnet-..." readOnly={readOnly} ariaLabel="Subnet ID" onChange={(e) => set({ subnetId: e.detail.value || null })} />
        </FormField>
        <FormField label="Security group IDs" description="Comma-separated.">
          <Input
            value={(value.securityGroupIds ?? []).join(', ')}
            placeholder="sg-..."
            readOnly={readOnly}
            ariaLabel="Security group IDs"
            onChange={(e) => set({ securityGroupIds: e.detail.value.split(',').map((s) => s.trim()).filter(Boolean) })}
          />
        </FormField>
        <FormField label="Instance type right-sizing">
          <Select
            disabled={readOnly}
            ariaLabel="Instance type right-sizing"
            selectedOption={rightSizing.find((o) => o.value === method) ?? null}
            options={rightSizing}
            onChange={(e) => set({ targetInstanceTypeRightSizingMethod: e.detail.selectedOption.value as RightSizingMethod })}
          />
        </FormField>
        <FormField label="Instance type" description={method === 'NONE' ? 'Used as is.' : 'Ignored while DRS right-sizes.'}>
          <Input value={value.instanceType ?? ''} placeholder="m5.large" readOnly={readOnly} ariaLabel="Instance type" onChange={(e) => set({ instanceType: e.detail.value || null })} />
        </FormField>
        <FormField label="Launch disposition">
          <Select
            disabled={readOnly}
            ariaLabel="Launch disposition"
            selectedOption={dispositions.find((o) => o.value === disposition) ?? null}
            options={dispositions}
            onChange={(e) => set({ launchDisposition: e.detail.selectedOption.value as LaunchDisposition })}
          />
        </FormField>
      </ColumnLayout>
      <SpaceBetween direction="horizontal" size="l">
        <Checkbox disabled={readOnly} checked={value.copyPrivateIp ?? false} onChange={(e) => set({ copyPrivateIp: e.detail.checked })}>
          Copy private IP
        </Checkbox>
        <Checkbox disabled={readOnly} checked={value.copyTags ?? false} onChange={(e) => set({ copyTags: e.detail.checked })}>
          Copy tags
        </Checkbox>
        <Checkbox disabled={readOnly} checked={value.licensing?.osByol ?? false} onChange={(e) => set({ licensing: { osByol: e.detail.checked } })}>
          Bring your own OS licence
        </Checkbox>
      </SpaceBetween>
    </SpaceBetween>
  );
}
