import { z } from 'zod';
import { validationError } from './errors';

const dutch = z.locales.nl().localeError;

/**
 * Parses what a user sent (card data, command arguments). Failures become one Dutch message that
 * names the fields by their label on the card; schemas may carry their own Dutch messages.
 */
export function parseUserInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  labels: Record<string, string> = {},
): z.infer<S> {
  const result = schema.safeParse(input, { error: dutch });
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  const lines = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const label = labels[key] ?? key;
    fields[key] = issue.message;
    return label ? `${label}: ${issue.message}` : issue.message;
  });
  throw validationError(`Controleer je invoer. ${[...new Set(lines)].join(' · ')}`, { fields });
}

/** Card inputs arrive as strings; these accept an empty string as "not filled in". */
export const optionalText = (max = 1000) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().max(max, `maximaal ${max} tekens`).optional());

export const requiredText = (max = 1000, message = 'vul dit veld in') =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string({ error: message }).min(1, message).max(max, `maximaal ${max} tekens`));

export const isoDateInput = (message = 'kies een datum') =>
  z.string({ error: message }).regex(/^\d{4}-\d{2}-\d{2}$/, message);

/** Action.Execute toggles send "true"/"false" strings. */
export const toggle = z.preprocess((v) => v === true || v === 'true', z.boolean());
