/** A map edit the model refuses (bad input, or an edit the actor's organization may not make). */
export class MapModelError extends Error {
  constructor(
    message: string,
    /** Dotted paths of the offending fields, when the input was invalid. */
    readonly fields: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'MapModelError';
  }
}

export function fieldsOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** The model's answer to invalid input: the first reason in the message, every reason in `fields`. */
export function invalidInput(
  what: string,
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): MapModelError {
  const fields = fieldsOf(issues);
  const first = fields[0];
  const reason = first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : '.';
  return new MapModelError(`${what} is not valid${reason}`, fields);
}
