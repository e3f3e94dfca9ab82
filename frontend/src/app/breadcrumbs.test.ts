import { describe, expect, it } from 'vitest';
import { breadcrumbsFor } from './breadcrumbs';

describe('breadcrumbsFor', () => {
  it('breadcrumbsFor_EditPage_SectionIdAndLeaf', () => {
    expect(breadcrumbsFor('/recovery-plans/plan-1/edit').map((b) => b.text)).toEqual(['DRS Orchestrator', 'Recovery plans', 'plan-1', 'Edit']);
  });

  it('breadcrumbsFor_Root_Dashboard', () => {
    expect(breadcrumbsFor('/').map((b) => b.text)).toEqual(['DRS Orchestrator', 'Dashboard']);
  });
});
