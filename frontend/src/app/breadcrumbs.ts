import type { BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';

const sections: Record<string, string> = {
  'protection-groups': 'Protection groups',
  'recovery-plans': 'Recovery plans',
  executions: 'Executions',
  'source-servers': 'Source servers',
  accounts: 'Target accounts',
  settings: 'Settings',
};

const leaves: Record<string, string> = { new: 'Create', edit: 'Edit', 'recovery-instances': 'Recovery instances' };

/**
 * Path segments with no page of their own (/executions/{id}/jobs/{jobId}): not a crumb, since it would
 * lead nowhere; the ID after one is named with the label given here.
 */
const noPage: Record<string, string> = { jobs: 'DRS job' };

/**
 * Breadcrumbs derived from the URL, so every page gets them without wiring. An ID segment shows the name
 * its page registered (see crumbNames.ts), or the ID itself until the page has loaded it.
 */
export function breadcrumbsFor(pathname: string, names: ReadonlyMap<string, string> = new Map()): BreadcrumbGroupProps.Item[] {
  const items: BreadcrumbGroupProps.Item[] = [{ text: 'DRS Orchestrator', href: '/' }];
  const parts = pathname.split('/').filter(Boolean);
  let href = '';
  for (const [index, part] of parts.entries()) {
    href += `/${part}`;
    if (index > 0 && noPage[part]) continue;
    const label = index > 1 ? noPage[parts[index - 1] ?? ''] : undefined;
    const decoded = decodeURIComponent(part);
    const shown = names.get(decoded) ?? decoded;
    const text = index === 0 ? (sections[part] ?? part) : label ? `${label} ${shown}` : (leaves[part] ?? shown);
    items.push({ text, href });
  }
  if (parts.length === 0) items.push({ text: 'Dashboard', href: '/' });
  return items;
}
