import { NO_TASK_CHOICE } from '../../../config/capacity-rules';
import { isoDay, localDay } from '../../../lib/dates';
import { audit } from '../../audit/store';
import { officeZone, type ActingContext } from '../../context';
import { conflict, forbidden, notFound, validationError } from '../../errors';
import { getPerson } from '../../people/store';
import { invitation, saveAnswer } from '../store/evaluation';

export interface EvaluationInput {
  evaluationDate: string;
  fundament: number;
  fundamentRemark?: string;
  processes: number;
  processesRemark?: string;
  task?: string;
}

/**
 * Stores an invited colleague's answer to the half-yearly evaluation, anonymously: the invitation
 * is marked answered and the answer is stored apart, with the person's group only.
 */
export async function answerEvaluation(ctx: ActingContext, input: EvaluationInput): Promise<{ evaluationDate: string }> {
  const office = ctx.config.office;
  const task = input.task === NO_TASK_CHOICE ? undefined : input.task;
  const today = isoDay(localDay(ctx.clock.now(), officeZone(ctx)));
  if (!office.evaluationDates.includes(input.evaluationDate)) throw notFound('Deze evaluatieronde bestaat niet (meer).');
  if (today >= input.evaluationDate) throw conflict('Deze evaluatie is al besproken; antwoorden kan niet meer.');
  if (task && !office.rings.tasks.some((t) => t.id === task)) throw validationError('Welke taak zou jij anders indelen: kies een taak uit de lijst.');
  const aad = ctx.actor.aadObjectId;
  await ctx.db.transaction(async (tx) => {
    const invited = await invitation(tx, input.evaluationDate, aad);
    if (!invited) throw forbidden('Je bent niet uitgenodigd voor deze evaluatieronde. De uitnodiging gaat naar consulenten, doorstroomcoaches en beleidsmedewerkers.');
    const person = await getPerson(tx, aad);
    const stored = await saveAnswer(tx, aad, {
      evaluationDate: input.evaluationDate,
      groupKey: ctx.actor.isBeleid ? 'beleid' : person?.regioteam ?? 'overig',
      fundamentScore: input.fundament,
      processesScore: input.processes,
      ...(input.fundamentRemark ? { fundamentRemark: input.fundamentRemark } : {}),
      ...(input.processesRemark ? { processesRemark: input.processesRemark } : {}),
      ...(task ? { taskId: task } : {}),
    });
    if (!stored) throw conflict('Je hebt al geantwoord. Dank je wel!');
    // Anonymous: the entry records that the round got an answer, not whose.
    await audit(tx, { actor: 'anoniem', action: 'capacity.evaluate', subject: `evaluation:${input.evaluationDate}`, correlationId: ctx.correlationId });
  });
  return { evaluationDate: input.evaluationDate };
}
