import { ErrorCode, UserFacingError } from '../services/errors';
import { checkUserInput, problemsOf, uniqueProblems, type FormProblem } from '../services/validation';
import type { ActionDef, FormSpec, FormValues, Reply, TurnScope } from './feature';
import { screenFields } from './privacy-screen';

const isRecord = (v: unknown): v is FormValues => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Refusals a user fixes on the form itself; anything else (not allowed, gone, taken) is answered as usual. */
const fixableOnForm = (error: unknown): error is UserFacingError =>
  error instanceof UserFacingError && (error.code === ErrorCode.Validation || error.code === ErrorCode.PersonalData);

/**
 * Runs a form action: the schema, the checks across fields and the personal-data screen all look
 * at what was sent, and every problem they find comes back on the form in one answer (a user who
 * fixes one problem is not told about the next one only on the next submit). The service's own
 * refusals of input come back on the form too.
 */
export async function runFormAction(scope: TurnScope, def: ActionDef & { form: FormSpec }, data: unknown): Promise<Reply> {
  const values = isRecord(data) ? data : {};
  const checked = checkUserInput(def.schema, values, def.labels);
  const problems: FormProblem[] = checked.ok ? [] : [...checked.problems];
  problems.push(...(def.form.check?.(scope, values) ?? []));
  if (def.screen) {
    // The screen reads only the text fields it names, so it can look at them before the schema passed.
    const refusal = await screenFields(scope, def.screen, values as never, def.labels);
    if (refusal) problems.push(...problemsOf(refusal));
  }
  if (problems.length > 0 || !checked.ok) return def.form.reshow(scope, values, uniqueProblems(problems));
  try {
    return await def.handle(scope, checked.data);
  } catch (error) {
    if (fixableOnForm(error)) return def.form.reshow(scope, values, problemsOf(error));
    throw error;
  }
}
