import type { OrchestratorSettings, TagSyncSettings } from '../../api/types';
import type { FieldProblem } from '../../api/validation';
import { isRegion } from '../../components/awsIdentifiers';

// Client-side mirror of SettingsService.Validate (src/DrsOrchestrator.Application/Configuration): the
// same limits, field names, codes and messages, so the form says before sending what the API would say.

export const retentionDays = { min: 1, max: 3650 } as const;
export const tagSyncIntervalHours = { min: 1, max: 24 } as const;
export const maxTagSyncRules = 50;
export const maxTagKeyLength = 128;
export const maxTagValueLength = 256;
const maxEmailLength = 254;

/** What the form edits: numbers as typed, so a half-typed value is shown as it is and reported, not coerced. */
export interface SettingsDraft {
  executionHistoryRetentionDays: string;
  defaultRegion: string;
  notificationEmail: string;
}

export interface TagDraft {
  key: string;
  value: string;
}

export interface RuleDraft {
  match: TagDraft[];
  apply: TagDraft[];
}

export interface TagSyncDraft {
  enabled: boolean;
  intervalHours: string;
  rules: RuleDraft[];
}

const wholeNumber = /^[0-9]+$/;

function intOrNaN(text: string): number {
  const trimmed = text.trim();
  return wholeNumber.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function settingsDraft(s: OrchestratorSettings): SettingsDraft {
  return {
    executionHistoryRetentionDays: String(s.executionHistoryRetentionDays),
    defaultRegion: s.defaultRegion ?? '',
    notificationEmail: s.notificationEmail ?? '',
  };
}

/** The PUT body's settings; an empty optional field is sent as null (the API refuses an empty string). */
export function settingsFromDraft(d: SettingsDraft): OrchestratorSettings {
  return {
    executionHistoryRetentionDays: intOrNaN(d.executionHistoryRetentionDays),
    defaultRegion: d.defaultRegion.trim() || null,
    notificationEmail: d.notificationEmail.trim() || null,
  };
}

function isEmail(email: string): boolean {
  return (
    email.length <= maxEmailLength &&
    email.split('@').length === 2 &&
    !email.startsWith('@') &&
    !email.endsWith('@') &&
    !/\s/.test(email)
  );
}

export function validateSettings(d: SettingsDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const s = settingsFromDraft(d);
  if (s.defaultRegion && !isRegion(s.defaultRegion)) {
    problems.push({ field: 'defaultRegion', code: 'INVALID_REGION', message: `'${s.defaultRegion}' is not an AWS region name.` });
  }
  const days = s.executionHistoryRetentionDays;
  if (!(days >= retentionDays.min && days <= retentionDays.max)) {
    problems.push({
      field: 'executionHistoryRetentionDays',
      code: 'INVALID_FIELD',
      message: `executionHistoryRetentionDays must be between ${retentionDays.min} and ${retentionDays.max}.`,
    });
  }
  if (s.notificationEmail && !isEmail(s.notificationEmail)) {
    problems.push({ field: 'notificationEmail', code: 'INVALID_FIELD', message: 'notificationEmail is not an e-mail address.' });
  }
  return problems;
}

export function tagSyncDraft(s: TagSyncSettings): TagSyncDraft {
  return {
    enabled: s.enabled,
    intervalHours: String(s.intervalHours),
    rules: s.rules.map((r) => ({
      match: r.match.map((m) => ({ key: m.key, value: m.value })),
      apply: Object.entries(r.apply).map(([key, value]) => ({ key, value })),
    })),
  };
}

export function tagSyncFromDraft(d: TagSyncDraft): TagSyncSettings {
  return {
    enabled: d.enabled,
    intervalHours: intOrNaN(d.intervalHours),
    rules: d.rules.map((r) => ({
      match: r.match.map((m) => ({ key: m.key, value: m.value })),
      apply: Object.fromEntries(r.apply.map((t) => [t.key, t.value])),
    })),
  };
}

function tagProblems(tags: TagDraft[], path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  tags.forEach((t, j) => {
    if (t.key.length === 0 || t.key.length > maxTagKeyLength || t.key.toLowerCase().startsWith('aws:')) {
      problems.push({ field: `${path}[${j}].key`, code: 'INVALID_TAG_CRITERIA', message: `Tag key '${t.key}' must be 1 to ${maxTagKeyLength} characters and not under 'aws:'.` });
    }
    if (t.value.length > maxTagValueLength) {
      problems.push({ field: `${path}[${j}].value`, code: 'INVALID_TAG_CRITERIA', message: `A tag value is at most ${maxTagValueLength} characters.` });
    }
  });
  return problems;
}

export function validateTagSync(d: TagSyncDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const hours = intOrNaN(d.intervalHours);
  if (!(hours >= tagSyncIntervalHours.min && hours <= tagSyncIntervalHours.max)) {
    problems.push({ field: 'intervalHours', code: 'INVALID_FIELD', message: `intervalHours must be between ${tagSyncIntervalHours.min} and ${tagSyncIntervalHours.max}.` });
  }
  if (d.rules.length > maxTagSyncRules) {
    problems.push({ field: 'rules', code: 'LIMIT_EXCEEDED', message: `At most ${maxTagSyncRules} rules are allowed.` });
  }
  d.rules.forEach((rule, i) => {
    if (rule.match.length === 0) problems.push({ field: `rules[${i}].match`, code: 'INVALID_TAG_CRITERIA', message: 'A rule needs at least one tag to match.' });
    if (rule.apply.length === 0) problems.push({ field: `rules[${i}].apply`, code: 'INVALID_TAG_CRITERIA', message: 'A rule needs at least one tag to apply.' });
    problems.push(...tagProblems(rule.match, `rules[${i}].match`), ...tagProblems(rule.apply, `rules[${i}].apply`));
    // Applied tags travel as a JSON object: a repeated key would silently keep only its last value.
    const seen = new Set<string>();
    rule.apply.forEach((t, j) => {
      if (seen.has(t.key)) problems.push({ field: `rules[${i}].apply[${j}].key`, code: 'INVALID_TAG_CRITERIA', message: `Tag key '${t.key}' is applied twice in this rule.` });
      seen.add(t.key);
    });
  });
  return problems;
}

/** Field paths of a PUT body ("settings.intervalHours") and of domain validation ("intervalHours") in one form. */
export function withinSettings(problems: FieldProblem[]): FieldProblem[] {
  return problems.map((p) => ({ ...p, field: p.field.replace(/^settings\.?/, '') }));
}
