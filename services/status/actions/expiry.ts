import { authorize } from '../../authz';
import type { ActingContext } from '../../context';
import type { Queryable } from '../../db';
import { conflict, notFound, validationError } from '../../errors';
import { announce } from '../notify';
import { auditStep, checkDate, existingChange, personOf, todayOf } from '../shared';
import { insertChange, lockChange, moveChange } from '../store';
import type { AnnouncementRow, ChangeRow } from '../types';

/**
 * Step 5, afloop: near or after its expected end the MT extends a change, ends it now (back to the
 * state before it, as a change of its own) or lets it lapse on its end date. Each is announced.
 */

interface Choice {
  /** The change to announce: the extended or lapsing change, or the change that ends it. */
  change: ChangeRow;
  audit: { action: string; details: Record<string, unknown> };
  announce: AnnouncementRow['kind'];
}

/** Applies the MT's choice to a change in force, audits and announces it, in one transaction. */
async function choose(ctx: ActingContext, changeId: number, apply: (tx: Queryable, before: ChangeRow, now: Date) => Promise<Choice>): Promise<ChangeRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await lockChange(tx, changeId);
    if (!before) throw notFound('Deze statusaanpassing bestaat niet (meer).');
    if (before.state !== 'published' || before.kind !== 'change') throw conflict('Deze statusaanpassing is niet (meer) van kracht; er valt niets te kiezen.');
    const choice = await apply(tx, before, now);
    await auditStep(tx, ctx, choice.audit.action, changeId, choice.audit.details);
    await announce(tx, ctx, choice.change, choice.announce, now);
    return choice.change;
  });
}

export async function extend(ctx: ActingContext, changeId: number, newEndDate: string): Promise<ChangeRow> {
  authorize(ctx.actor, 'status.decide');
  const day = checkDate(ctx, newEndDate, 'Nieuwe verwachte einddatum');
  return choose(ctx, changeId, async (tx, before, now) => {
    if (day <= todayOf(ctx, now) || day <= (before.endDate ?? before.startDate)) {
      throw validationError('Nieuwe verwachte einddatum: kies een datum na vandaag en na de huidige einddatum.');
    }
    const change = (await moveChange(tx, changeId, 'extend', { endDate: day, expiryChoice: null }))!;
    return { change, audit: { action: 'status.extend', details: { from: before.endDate, to: day } }, announce: 'extend' };
  });
}

/** Ends a change today: a new published change of kind `end` puts the state before it back. */
export async function endNow(ctx: ActingContext, changeId: number): Promise<ChangeRow> {
  authorize(ctx.actor, 'status.decide');
  return choose(ctx, changeId, async (tx, _before, now) => {
    const original = await moveChange(tx, changeId, 'end', { endedAt: now });
    if (!original) throw conflict('Deze statusaanpassing is al beëindigd.');
    const id = await insertChange(tx, {
      kind: 'end', endsChangeId: changeId, state: 'published', title: `Einde: ${original.title}`, preset: null,
      tasks: original.previousTasks, previousTasks: original.tasks, reasonCategory: original.reasonCategory,
      reason: 'Het MT heeft de statusaanpassing beëindigd.', practiceImpact: 'De taken worden weer uitgevoerd zoals vóór de statusaanpassing.',
      startDate: todayOf(ctx, now), proposedBy: personOf(ctx), at: now, decidedBy: [personOf(ctx)],
    });
    const ending = await existingChange(tx, id);
    return { change: ending, audit: { action: 'status.end', details: { endedBy: ending.id } }, announce: 'end' };
  });
}

export async function lapse(ctx: ActingContext, changeId: number): Promise<ChangeRow> {
  authorize(ctx.actor, 'status.decide');
  return choose(ctx, changeId, async (tx) => {
    const change = await moveChange(tx, changeId, 'lapse', { expiryChoice: 'lapse' }, true);
    if (!change) throw conflict('Er is al gekozen om deze statusaanpassing te laten aflopen.');
    return { change, audit: { action: 'status.lapse', details: { endDate: change.endDate } }, announce: 'lapse' };
  });
}
