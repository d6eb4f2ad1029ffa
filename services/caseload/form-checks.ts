import { caseReferenceSchema, splitCaseReferences } from '../privacy';
import { fieldProblem, type FormProblem } from '../validation';

/**
 * Checks across the fields of the caseload forms, on the values as sent: the form reports them
 * together with every other problem, and the actions refuse the same input with them.
 */

const numberOf = (v: unknown): number | undefined => (v === '' || v === null || v === undefined || !Number.isFinite(Number(v)) ? undefined : Number(v));
const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The Carel case numbers of a help request, split as typed; problems name the field. */
export function splitCaseRefs(text: unknown): { refs: string[]; problems: FormProblem[] } {
  const refs = splitCaseReferences(textOf(text));
  const problems: FormProblem[] = [];
  if (refs.length > 10) problems.push(fieldProblem('caseRefs', 'Casusnummers', 'noem er maximaal 10'));
  const bad = refs.map((ref) => caseReferenceSchema.safeParse(ref)).find((r) => !r.success);
  if (bad && !bad.success) problems.push(fieldProblem('caseRefs', 'Casusnummers', bad.error.issues[0]?.message ?? 'ongeldig casusnummer'));
  return { refs, problems };
}

export function helpRequestProblems(values: { periodFrom?: unknown; periodTo?: unknown; caseRefs?: unknown }): FormProblem[] {
  const from = textOf(values.periodFrom);
  const to = textOf(values.periodTo);
  const problems: FormProblem[] = [];
  if (from && to && to < from) problems.push(fieldProblem('periodTo', 'Periode', 'de einddatum ligt voor de begindatum'));
  return [...problems, ...splitCaseRefs(values.caseRefs).problems];
}

export function figuresProblems(values: { openCases?: unknown; complexCases?: unknown }): FormProblem[] {
  const open = numberOf(values.openCases);
  const complex = numberOf(values.complexCases);
  if (open !== undefined && complex !== undefined && complex > open) {
    return [fieldProblem('complexCases', 'Waarvan complex', 'kan niet hoger zijn dan het aantal open casussen')];
  }
  return [];
}
