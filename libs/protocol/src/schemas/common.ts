import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../limits.js';

export const uuidSchema = z.uuid({ message: 'Must be a UUID.' });

export const idParamSchema = z.object({ id: uuidSchema }).strict();

export const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    /** Opaque cursor returned as `nextCursor` by the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type PageQuery = z.infer<typeof pageQuerySchema>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const trimmed = (min: number, max: number, label: string) =>
  z
    .string()
    .trim()
    .min(min, {
      message: min === 1 ? `${label} is required.` : `${label} needs at least ${min} characters.`,
    })
    .max(max, { message: `${label} must be at most ${max} characters.` });
