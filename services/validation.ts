import { z } from 'zod';
import { validationError, type UserFacingError } from './errors';

const dutch = z.locales.nl().localeError;

/** One problem on a form: the field it belongs to (input id, '' for the form) and a Dutch line naming it. */
export interface FormProblem {
  field: string;
  text: string;
}

/** A problem line that names the field by its label on the card. */
export const fieldProblem = (field: string, label: string, message: string): FormProblem =>
  ({ field, text: label ? `${label}: ${message}` : message });

/** A validation error for one field, carrying its problem so a form can list it with the others. */
export const fieldError = (field: string, label: string, message: string): UserFacingError => {
  const problem = fieldProblem(field, label, message);
  return validationError(problem.text, { fields: { [field]: message }, problems: [problem] });
};

/** Several problems found at once, as one validation error (services refuse input with it). */
export const problemsError = (problems: FormProblem[]): UserFacingError =>
  validationError(`Controleer je invoer. ${problems.map((p) => p.text).join(' · ')}`, { problems });

/** The problems a refusal carries; a refusal without them is one problem of the whole form. */
export function problemsOf(error: UserFacingError): FormProblem[] {
  const problems = error.details.problems;
  if (Array.isArray(problems) && problems.length > 0) return problems as FormProblem[];
  const fields = error.details.fields;
  return [{ field: Array.isArray(fields) && typeof fields[0] === 'string' ? fields[0] : '', text: error.message }];
}

/** The same problem found by two checks is listed once. */
export const uniqueProblems = (problems: FormProblem[]): FormProblem[] =>
  problems.filter((p, i) => problems.findIndex((q) => q.text === p.text) === i);

export type Checked<T> = { ok: true; data: T } | { ok: false; problems: FormProblem[] };

/** Checks what a user sent against a schema and lists every problem, each naming its field. */
export function checkUserInput<S extends z.ZodType>(schema: S, input: unknown, labels: Record<string, string> = {}): Checked<z.infer<S>> {
  const result = schema.safeParse(input, { error: dutch });
  if (result.success) return { ok: true, data: result.data };
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    return fieldProblem(key, labels[key] ?? key, issue.message);
  });
  return { ok: false, problems: uniqueProblems(problems) };
}

/**
 * Parses what a user sent (card data, command arguments). Failures become one Dutch message that
 * names the fields by their label on the card; schemas may carry their own Dutch messages.
 */
export function parseUserInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  labels: Record<string, string> = {},
): z.infer<S> {
  const checked = checkUserInput(schema, input, labels);
  if (checked.ok) return checked.data;
  const fields = Object.fromEntries(checked.problems.map((p) => [p.field, p.text]));
  throw validationError(`Controleer je invoer. ${checked.problems.map((p) => p.text).join(' · ')}`, { fields, problems: checked.problems });
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
