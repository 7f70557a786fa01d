import type { FieldError } from '@coalesce/protocol';
import { ApiError } from './ApiError';

export interface MappedFieldErrors {
  /** Message per form field path, first message wins. */
  fieldErrors: Record<string, string>;
  /** Errors that belong to no field of the form (shown in the form's general alert). */
  unmatched: FieldError[];
}

/**
 * Places server field errors on form fields. A server path such as `organization.focusAreas.2`
 * goes to the closest form field (`organization.focusAreas`); `aliases` rename server paths whose
 * form field is named differently (e.g. `inviteToken` -> `email`).
 */
export function mapFieldErrors(
  fields: readonly FieldError[],
  formPaths: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): MappedFieldErrors {
  const known = new Set(formPaths);
  const fieldErrors: Record<string, string> = {};
  const unmatched: FieldError[] = [];
  for (const field of fields) {
    const target = closestField(field.path, known, aliases);
    if (target === null) unmatched.push(field);
    else fieldErrors[target] ??= field.message;
  }
  return { fieldErrors, unmatched };
}

function closestField(
  path: string,
  known: ReadonlySet<string>,
  aliases: Readonly<Record<string, string>>,
): string | null {
  const segments = path.split('.').filter(Boolean);
  while (segments.length > 0) {
    const candidate = segments.join('.');
    const aliased = aliases[candidate];
    if (aliased !== undefined && known.has(aliased)) return aliased;
    if (known.has(candidate)) return candidate;
    segments.pop();
  }
  return null;
}

/** The minimal part of a Mantine form that receives errors. */
export interface ErrorSink {
  setErrors(errors: Record<string, string>): void;
}

/**
 * Shows a failed submit on the form: field errors next to their fields, and returns what is left
 * for the general alert (null when every problem has a field).
 */
export function applyServerErrors(
  form: ErrorSink,
  error: unknown,
  formPaths: readonly string[],
  aliases?: Readonly<Record<string, string>>,
): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const { fieldErrors, unmatched } = mapFieldErrors(error.fields, formPaths, aliases);
  form.setErrors(fieldErrors);
  if (unmatched.length === 0) return null;
  return new ApiError({
    status: error.status,
    code: error.code,
    message: error.message,
    fields: unmatched,
  });
}

/** Turns zod/standard-schema issues into the server's field error shape. */
export function issuesToFields(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
