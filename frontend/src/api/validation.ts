import { ApiError } from './ApiError';

/** One problem with one input field, as the API lists them under error.details.errors. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Request binding speaks JSON paths ("$.waves[0].name"), domain validation bare paths ("waves[0].name"): one form for both. */
export function normalizeField(field: string): string {
  return field.replace(/^\$\.?/, '');
}

/**
 * The field-level problems of a failed request: domain validation lists them as
 * details.errors = [{field, code, message}]; request binding reports one as details.field.
 */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || !isRecord(error.details)) return [];
  const details = error.details;
  if (Array.isArray(details.errors)) {
    return details.errors
      .filter(isRecord)
      .map((e) => ({ field: normalizeField(String(e.field ?? '')), code: String(e.code ?? error.code), message: String(e.message ?? '') }));
  }
  if (typeof details.field === 'string') return [{ field: normalizeField(details.field), code: error.code, message: error.message }];
  return [];
}

/** Messages for a field and everything under it ("waves[1]" covers "waves[1].dependsOn[0]"). */
export function messagesUnder(problems: FieldProblem[], prefix: string): string[] {
  return problems
    .filter((p) => p.field === prefix || p.field.startsWith(`${prefix}.`) || p.field.startsWith(`${prefix}[`))
    .map((p) => p.message);
}

/** The text a FormField shows as errorText, or undefined when the field has no problem. */
export function errorText(problems: FieldProblem[], ...prefixes: string[]): string | undefined {
  const messages = prefixes.flatMap((p) => messagesUnder(problems, p));
  return messages.length > 0 ? messages.join(' ') : undefined;
}
