import { dutchDate } from '../../lib/dates';
import type { PublishCheck } from '../../services/status/types';
import type { PublishCheckCardData } from './cards';
import { ANSWER_LABEL, countsText } from './labels';

/** Step 3, besluit: what the MT confirms before publishing (views.ts has the other steps). */
export function publishCheckView(check: PublishCheck): PublishCheckCardData {
  const c = check.change;
  const skipped = !!c.consultationSkipped;
  return {
    changeId: c.id,
    title: c.title,
    summary: skipped ? `Consultatie overgeslagen (spoed): ${c.consultationSkipped}` : `Reacties: ${countsText(check.counts)}.`,
    deadlineText: skipped || !c.consultationDeadline
      ? ''
      : check.deadlinePending
        ? `De reactietermijn loopt nog tot en met ${dutchDate(c.consultationDeadline)}: collega's kunnen nog reageren. Publiceer je nu, dan sluit de consultatie.`
        : `De reactietermijn is verstreken (${dutchDate(c.consultationDeadline)}).`,
    deadlinePending: check.deadlinePending && !skipped,
    remarks: check.remarks.map((r) => ({ name: r.name, answerLabel: ANSWER_LABEL[r.answer].label, comment: r.comment ?? '' })),
    noRemarks: skipped ? '' : 'Geen zorgen of opmerkingen.',
    publishTitle: check.fourEyes ? 'Publiceren (ter bevestiging)' : 'Definitief publiceren',
    publishText: check.fourEyes
      ? 'Een tweede MT-lid bevestigt daarna; dan volgt de aankondiging in alle gekoppelde kanalen.'
      : 'Het besluit wordt definitief en direct aangekondigd in alle gekoppelde kanalen.',
  };
}
