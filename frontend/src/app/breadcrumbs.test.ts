import { describe, expect, it } from 'vitest';
import { breadcrumbsFor } from './breadcrumbs';

describe('breadcrumbsFor', () => {
  it('breadcrumbsFor_EditPage_SectionIdAndLeaf', () => {
    expect(breadcrumbsFor('/recovery-plans/plan-1/edit').map((b) => b.text)).toEqual(['DRS Orchestrator', 'Recovery plans', 'plan-1', 'Edit']);
  });

  it('breadcrumbsFor_JobLog_SkipsJobsSegmentWithoutPage', () => {
    const items = breadcrumbsFor('/executions/exec-1/jobs/drsjob-1');
    expect(items.map((b) => b.text)).toEqual(['DRS Orchestrator', 'Executions', 'exec-1', 'DRS job drsjob-1']);
    expect(items.map((b) => b.href)).toEqual(['/', '/executions', '/executions/exec-1', '/executions/exec-1/jobs/drsjob-1']);
  });

  it('breadcrumbsFor_RecoveryInstances_NamedLeaf', () => {
    expect(breadcrumbsFor('/executions/exec-1/recovery-instances').map((b) => b.text)).toEqual(['DRS Orchestrator', 'Executions', 'exec-1', 'Recovery instances']);
  });

  it('breadcrumbsFor_Root_Dashboard', () => {
    expect(breadcrumbsFor('/').map((b) => b.text)).toEqual(['DRS Orchestrator', 'Dashboard']);
  });

  it('breadcrumbsFor_RegisteredName_ShownInPlaceOfId', () => {
    const items = breadcrumbsFor('/protection-groups/pg-1/edit', new Map([['pg-1', 'Payments web']]));
    expect(items.map((b) => b.text)).toEqual(['DRS Orchestrator', 'Protection groups', 'Payments web', 'Edit']);
    expect(items[2]!.href).toBe('/protection-groups/pg-1');
  });
});
