import { authorize } from '../../authz';
import type { ActingContext } from '../../context';
import type { Queryable } from '../../db';
import { conflict, forbidden, notFound } from '../../errors';
import { announce, askToConfirm, refreshConsultation } from '../notify';
import { changeFacts, countResponses } from '../rules';
import { auditStep, existingChange, personOf, todayOf } from '../shared';
import { confirmChange, getChange, moveChange, responsesOf } from '../store';
import type { ChangeRow, Decision, PublishCheck } from '../types';

/**
 * Step 3, besluit: an MT member publishes. With four eyes (WENDBAAR_FOUR_EYES) a second, different
 * MT member confirms before it is decided. A decision closes the consultation and is announced.
 */

/** The decision card's data for the acting MT member. */
export async function decisionFor(ctx: ActingContext, changeId: number): Promise<Decision> {
  authorize(ctx.actor, 'status.viewResponses');
  const change = await existingChange(ctx.db, changeId, 'Deze statusaanpassing bestaat niet (meer).');
  const counts = countResponses(await responsesOf(ctx.db, changeId));
  return { change: changeFacts(ctx.config.office.rings, change), counts, viewerAad: ctx.actor.aadObjectId, fourEyes: ctx.config.env.WENDBAAR_FOUR_EYES };
}

/** The confirmation step before publishing: concerns and remarks, and a deadline that has not passed. */
export async function publishCheck(ctx: ActingContext, changeId: number): Promise<PublishCheck> {
  authorize(ctx.actor, 'status.decide');
  const decision = await decisionFor(ctx, changeId);
  if (decision.change.state !== 'proposed') throw await whyNotDecidable(ctx.db, changeId);
  const rows = await responsesOf(ctx.db, changeId);
  const deadline = decision.change.consultationDeadline;
  return {
    ...decision,
    remarks: rows.filter((r) => r.answer !== 'akkoord'),
    deadlinePending: !!deadline && todayOf(ctx, ctx.clock.now()) <= deadline,
  };
}

export async function publish(ctx: ActingContext, changeId: number): Promise<Decision> {
  authorize(ctx.actor, 'status.decide');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (ctx.config.env.WENDBAAR_FOUR_EYES) {
      const change = await moveChange(tx, changeId, 'publishFirst', { firstDecider: personOf(ctx) });
      if (!change) throw await whyNotDecidable(tx, changeId);
      await auditStep(tx, ctx, 'status.decide.first', changeId);
      await askToConfirm(tx, ctx, change);
      await refreshConsultation(tx, ctx, change);
      return;
    }
    const change = await moveChange(tx, changeId, 'publish', { decidedBy: [personOf(ctx)], decidedAt: now });
    if (!change) throw await whyNotDecidable(tx, changeId);
    await afterDecision(tx, ctx, change, now);
  });
  return decisionFor(ctx, changeId);
}

export async function confirm(ctx: ActingContext, changeId: number): Promise<Decision> {
  authorize(ctx.actor, 'status.decide');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const change = await confirmChange(tx, changeId, personOf(ctx), now);
    if (!change) {
      const current = await getChange(tx, changeId);
      if (current?.state === 'awaiting_confirmation' && current.firstDecider === ctx.actor.aadObjectId) {
        throw forbidden('Vier ogen: een tweede, ander MT-lid moet dit besluit bevestigen. Je eigen bevestiging telt niet.');
      }
      throw await whyNotDecidable(tx, changeId);
    }
    await afterDecision(tx, ctx, change, now);
  });
  return decisionFor(ctx, changeId);
}

/** Why a publish or confirm found the change in another state: a Dutch message saying what happened. */
async function whyNotDecidable(q: Queryable, changeId: number) {
  const current = await getChange(q, changeId);
  if (!current) return notFound('Deze statusaanpassing bestaat niet (meer).');
  if (current.state === 'draft') return conflict('Start eerst de consultatie, of sla die met een reden over.');
  if (current.state === 'awaiting_confirmation') {
    return conflict(`${current.firstDeciderName ?? 'Een MT-lid'} heeft dit besluit al gepubliceerd; het wacht op bevestiging door een tweede MT-lid.`);
  }
  if (current.state === 'withdrawn') return conflict('Dit voorstel is ingetrokken.');
  return conflict('Over dit voorstel is al besloten. Typ "status" voor de huidige stand.');
}

async function afterDecision(tx: Queryable, ctx: ActingContext, change: ChangeRow, now: Date): Promise<void> {
  await auditStep(tx, ctx, 'status.decide', change.id, { decidedBy: change.decidedBy.map((d) => d.aad), tasks: change.tasks, startDate: change.startDate, endDate: change.endDate });
  await refreshConsultation(tx, ctx, change);
  await announce(tx, ctx, change, 'publish', now);
}
