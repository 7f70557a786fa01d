import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import type { FieldError } from '@coalesce/protocol';
import { AppError } from '../errors/app-error.js';

/** Validates (and coerces) a body, query or params object with a zod schema from libs/protocol. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw AppError.validation(zodFieldErrors(result.error));
  }
}

export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return {
        path: [...issue.path, ...issue.keys].map(String).join('.'),
        message: `Unknown field "${issue.keys.join('", "')}".`,
      };
    }
    return { path: issue.path.map(String).join('.'), message: issue.message };
  });
}
