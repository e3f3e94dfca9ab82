import type { LaunchSettings } from '../../api/types';

const labels: Record<keyof LaunchSettings, string> = {
  subnetId: 'subnet',
  securityGroupIds: 'security groups',
  instanceType: 'instance type',
  rightSizing: 'right-sizing',
  copyPrivateIp: 'copy private IP',
  copyTags: 'copy tags',
  launchDisposition: 'disposition',
  licensing: 'licensing',
  instanceProfile: 'instance profile',
};

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function isSet(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/** One member's value as the console words it, or undefined when the member is not set. */
export function launchValueText(value: unknown): string | undefined {
  return isSet(value) ? valueText(value) : undefined;
}

/** The members a settings object sets, as "label: value" lines; unset members are left out. */
export function launchSettingsLines(settings: LaunchSettings | null | undefined): string[] {
  return (Object.keys(labels) as (keyof LaunchSettings)[])
    .filter((key) => isSet(settings?.[key]))
    .map((key) => `${labels[key]}: ${valueText(settings?.[key])}`);
}

/** One line for a table cell: what an override (or the group) sets, or the fallback when nothing. */
export function launchSettingsSummary(settings: LaunchSettings | null | undefined, nothing: string): string {
  const lines = launchSettingsLines(settings);
  return lines.length > 0 ? lines.join('; ') : nothing;
}
