import { describe, expect, it } from 'vitest';
import { maxTagSyncRules, settingsFromDraft, tagSyncDraft, tagSyncFromDraft, validateSettings, validateTagSync, withinSettings, type RuleDraft, type SettingsDraft, type TagSyncDraft } from './settingsModel';

const settings = (overrides: Partial<SettingsDraft> = {}): SettingsDraft => ({ executionHistoryRetentionDays: '365', defaultRegion: '', notificationEmail: '', ...overrides });
const rule = (overrides: Partial<RuleDraft> = {}): RuleDraft => ({ match: [{ key: 'App', value: 'erp' }], apply: [{ key: 'DrTier', value: 'gold' }], ...overrides });
const tagSync = (overrides: Partial<TagSyncDraft> = {}): TagSyncDraft => ({ enabled: true, intervalHours: '4', rules: [rule()], ...overrides });
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('settingsModel', () => {
  it.each(['1', '3650', ' 30 '])('validateSettings_RetentionWithinLimits_NoProblem (%s)', (days) => {
    expect(validateSettings(settings({ executionHistoryRetentionDays: days }))).toEqual([]);
  });

  it.each(['0', '3651', '1.5', '-3', 'abc', ''])('validateSettings_RetentionOutsideLimits_Refused (%s)', (days) => {
    expect(validateSettings(settings({ executionHistoryRetentionDays: days }))).toEqual([
      { field: 'executionHistoryRetentionDays', code: 'INVALID_FIELD', message: 'executionHistoryRetentionDays must be between 1 and 3650.' },
    ]);
  });

  it.each(['us-east-1', 'us-gov-west-1', 'ap-southeast-4'])('validateSettings_RegionSyntax_Accepted (%s)', (region) => {
    expect(validateSettings(settings({ defaultRegion: region }))).toEqual([]);
  });

  it.each(['US-EAST-1', 'useast1', 'us-east'])('validateSettings_BadRegion_InvalidRegion (%s)', (region) => {
    expect(validateSettings(settings({ defaultRegion: region }))).toEqual([{ field: 'defaultRegion', code: 'INVALID_REGION', message: `'${region}' is not an AWS region name.` }]);
  });

  it.each(['ops@example.test', 'a@b'])('validateSettings_Email_Accepted (%s)', (email) => {
    expect(validateSettings(settings({ notificationEmail: email }))).toEqual([]);
  });

  it.each(['ops', '@example.test', 'ops@', 'a@b@c', 'o ps@example.test', `${'a'.repeat(250)}@b.cd`])('validateSettings_BadEmail_Refused (%s)', (email) => {
    expect(fields(validateSettings(settings({ notificationEmail: email })))).toEqual(['notificationEmail']);
  });

  it('settingsFromDraft_EmptyOptionals_Null', () => {
    expect(settingsFromDraft(settings({ defaultRegion: ' ', notificationEmail: '' }))).toEqual({ executionHistoryRetentionDays: 365, defaultRegion: null, notificationEmail: null });
  });

  it.each(['1', '24'])('validateTagSync_IntervalWithinLimits_NoProblem (%s)', (hours) => {
    expect(validateTagSync(tagSync({ intervalHours: hours }))).toEqual([]);
  });

  it.each(['0', '25', '2.5', ''])('validateTagSync_IntervalOutsideLimits_Refused (%s)', (hours) => {
    expect(validateTagSync(tagSync({ intervalHours: hours }))).toEqual([{ field: 'intervalHours', code: 'INVALID_FIELD', message: 'intervalHours must be between 1 and 24.' }]);
  });

  it('validateTagSync_TooManyRules_LimitExceeded', () => {
    expect(validateTagSync(tagSync({ rules: Array.from({ length: maxTagSyncRules }, () => rule()) }))).toEqual([]);
    expect(validateTagSync(tagSync({ rules: Array.from({ length: maxTagSyncRules + 1 }, () => rule()) }))).toEqual([
      { field: 'rules', code: 'LIMIT_EXCEEDED', message: 'At most 50 rules are allowed.' },
    ]);
  });

  it('validateTagSync_EmptyLists_NeedOneTagEach', () => {
    expect(validateTagSync(tagSync({ rules: [rule({ match: [], apply: [] })] }))).toEqual([
      { field: 'rules[0].match', code: 'INVALID_TAG_CRITERIA', message: 'A rule needs at least one tag to match.' },
      { field: 'rules[0].apply', code: 'INVALID_TAG_CRITERIA', message: 'A rule needs at least one tag to apply.' },
    ]);
  });

  it('validateTagSync_KeyAndValueLimits_MirrorServer', () => {
    const ok = rule({ match: [{ key: 'k'.repeat(128), value: 'v'.repeat(256) }], apply: [{ key: 'Tier', value: '' }] });
    expect(validateTagSync(tagSync({ rules: [ok] }))).toEqual([]);
    const bad = rule({ match: [{ key: 'k'.repeat(129), value: 'v'.repeat(257) }, { key: '', value: 'x' }], apply: [{ key: 'Aws:Name', value: 'x' }] });
    expect(fields(validateTagSync(tagSync({ rules: [bad] })))).toEqual(['rules[0].match[0].key', 'rules[0].match[0].value', 'rules[0].match[1].key', 'rules[0].apply[0].key']);
  });

  it('validateTagSync_RepeatedAppliedKey_Refused', () => {
    const twice = rule({ apply: [{ key: 'Tier', value: 'a' }, { key: 'Tier', value: 'b' }] });
    expect(fields(validateTagSync(tagSync({ rules: [twice] })))).toEqual(['rules[0].apply[1].key']);
  });

  it('tagSyncDraft_RoundTrip_KeepsRules', () => {
    const stored = { enabled: false, intervalHours: 8, rules: [{ match: [{ key: 'A', value: '1' }, { key: 'B', value: '' }], apply: { X: 'y', Z: 'w' } }] };
    expect(tagSyncFromDraft(tagSyncDraft(stored))).toEqual(stored);
  });

  it('withinSettings_BodyPaths_MatchDomainPaths', () => {
    expect(fields(withinSettings([{ field: 'settings.rules[0].match', code: 'X', message: '' }, { field: 'intervalHours', code: 'X', message: '' }]))).toEqual(['rules[0].match', 'intervalHours']);
  });
});
