import type { Config } from '../../config';
import { isoDay, localDay } from '../../lib/dates';
import { resolveActor, roleSettingsFromEnv } from '../authz';
import { officeZone, type JobContext } from '../context';
import type { Queryable } from '../db';
import { cardSpec } from '../deliveries/card-spec';
import { enqueueDelivery } from '../deliveries/enqueue';
import { allPeople } from '../people/store';
import { openRounds, remindInvitedBy } from './evaluation-rules';
import type { CapacityPost } from './posts';
import { invite, markReminded } from './store/evaluation';

/**
 * Consulenten, doorstroomcoaches and beleidsmedewerkers the bot can reach: everyone it knows from
 * Teams except the MT and the teamleiders (they lead the evaluation).
 */
async function staff(q: Queryable, config: Config): Promise<string[]> {
  const roles = roleSettingsFromEnv(config.env);
  return (await allPeople(q))
    .filter((p) => p.teams_user_id || p.personal_conversation_id)
    .map((p) => resolveActor({ aadObjectId: p.aad_object_id, name: p.name, upn: p.upn, regioteam: p.regioteam }, roles))
    .filter((a) => !a.isMt && a.teamleiderOf.length === 0)
    .map((a) => a.aadObjectId);
}

/**
 * The daily step of the half-yearly evaluation round: from `evaluationLeadWeeks` before each date,
 * invites the staff not yet invited (newcomers too) and, once, reminds those who have not answered.
 */
export async function runEvaluationRound(ctx: JobContext): Promise<{ invited: number; reminded: number }> {
  const { config, db, fireTime, log } = ctx;
  const today = isoDay(localDay(fireTime, officeZone(ctx)));
  const settings = config.office.capacity.evaluation;
  let invited = 0;
  let reminded = 0;
  for (const date of openRounds(config.office.evaluationDates, today, config.office.monitoringRules.evaluationLeadWeeks)) {
    await db.transaction(async (tx) => {
      const send = async (aad: string, reminder: boolean) =>
        enqueueDelivery(tx, {
          kind: 'personal',
          idempotencyKey: `evaluation:${date}:${reminder ? 'reminder' : 'invite'}:${aad}`,
          recipientAad: aad,
          payload: { view: cardSpec<CapacityPost>('capacity.evaluation', { evaluationDate: date, reminder }), summary: reminder ? 'Herinnering: halfjaarlijkse evaluatie' : 'Halfjaarlijkse evaluatie: wat vind jij?' },
        });
      for (const aad of await invite(tx, date, await staff(tx, config), today)) if ((await send(aad, false)) !== null) invited += 1;
      for (const aad of await markReminded(tx, date, remindInvitedBy(today, settings.reminderAfterDays), today)) if ((await send(aad, true)) !== null) reminded += 1;
    });
  }
  if (invited + reminded > 0) log.info({ invited, reminded }, 'evaluation round');
  return { invited, reminded };
}
