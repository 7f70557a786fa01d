import { MapModelError } from '@coalesce/case-map';

/** The field a model error path belongs to ("identifiers.0.key" → "identifiers"). */
export function fieldOfPath(path: string): string {
  return path.split('.')[0] ?? '';
}

/**
 * Turns a refusal of the model into messages per field of the form (`_form` for reasons that
 * belong to no field shown).
 */
export function fieldErrorsOf(
  error: MapModelError,
  shownFields: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of error.fields) {
    const field = fieldOfPath(path);
    const key = shownFields.includes(field) ? field : '_form';
    out[key] ??= message;
  }
  if (!error.fields.length) out._form = error.message;
  return out;
}

/** Runs an edit of a field; returns the error messages to show (empty when it was saved). */
export function commitField(
  edit: () => void,
  shownFields: readonly string[],
): Record<string, string> {
  try {
    edit();
    return {};
  } catch (error) {
    if (error instanceof MapModelError) return fieldErrorsOf(error, shownFields);
    throw error;
  }
}
