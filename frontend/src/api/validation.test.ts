import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError';
import { errorText, fieldProblems, messagesUnder } from './validation';

describe('validation', () => {
  it('fieldProblems_DomainErrors_ListsEveryProblem', () => {
    const error = new ApiError('DUPLICATE_WAVE_NAME', 'Recovery plan is invalid.', 422, {
      errors: [
        { field: 'waves[1].name', code: 'DUPLICATE_WAVE_NAME', message: "Wave name 'db' is already used by waves[0]." },
        { field: 'waves[1].dependsOn[0]', code: 'INVALID_WAVE_DEPENDENCY', message: 'Wave web depends on a later wave.' },
      ],
    });

    expect(fieldProblems(error).map((p) => p.field)).toEqual(['waves[1].name', 'waves[1].dependsOn[0]']);
  });

  it('fieldProblems_BindingError_NormalizesJsonPath', () => {
    const error = new ApiError('INVALID_FIELD', "Field '$.selection.mode' must be one of SOURCE_SERVER_IDS | TAGS.", 400, { field: '$.selection.mode', allowed: 'SOURCE_SERVER_IDS | TAGS' });

    expect(fieldProblems(error)).toEqual([{ field: 'selection.mode', code: 'INVALID_FIELD', message: error.message }]);
  });

  it('fieldProblems_NotAnApiError_Empty', () => {
    expect(fieldProblems(new Error('boom'))).toEqual([]);
  });

  it('messagesUnder_Prefix_MatchesChildrenButNotSiblings', () => {
    const problems = [
      { field: 'waves[1].dependsOn[0]', code: 'X', message: 'dep' },
      { field: 'waves[10].name', code: 'X', message: 'other wave' },
      { field: 'waves[1]', code: 'X', message: 'whole wave' },
    ];

    expect(messagesUnder(problems, 'waves[1]')).toEqual(['dep', 'whole wave']);
    expect(errorText(problems, 'waves[2]')).toBeUndefined();
  });
});
