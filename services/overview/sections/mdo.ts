import { can, type Actor } from '../../authz';
import { OUTCOME_LABEL, type MdoOutcome } from '../../../config/mdo-labels';
import type { MdoSummary } from '../../mdo/store';
import type { MdoView, Period } from '../types';

export const MDO_FORBIDDEN = 'MDO-besluiten per uitkomst zien alleen teamleiders, beleidsmedewerkers en het MT.';

/** The MDO figures feed both this section and the evaluation, so either right loads them. */
export const seesMdoFigures = (actor: Actor): boolean => can(actor, 'mdo.overview') || can(actor, 'evaluation.view');

/** Every outcome of the MDO flow, in the flow's order, with zero counts kept (so the chart is stable). */
export function mdoOutcomes(summary: MdoSummary): MdoView['byOutcome'] {
  const known = Object.keys(OUTCOME_LABEL) as MdoOutcome[];
  const extra = Object.keys(summary.byOutcome).filter((k) => !known.includes(k as MdoOutcome));
  return [...known, ...extra].map((outcome) => ({
    outcome,
    label: OUTCOME_LABEL[outcome as MdoOutcome] ?? outcome,
    count: summary.byOutcome[outcome] ?? 0,
  }));
}

export function mdoView(period: Period, summary: MdoSummary): MdoView {
  return { period, total: summary.total, byOutcome: mdoOutcomes(summary) };
}
