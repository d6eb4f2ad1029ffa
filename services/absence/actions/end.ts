import { audit } from '../../audit/store';
import { authorize } from '../../authz';
import type { ActingContext } from '../../context';
import { conflict, notFound } from '../../errors';
import { getPerson } from '../../people/store';
import { queueReturns } from '../returns';
import { absenceById, endAbsence, endAbsencesOn } from '../store';
import { todayOf } from './record';

/**
 * "terug": the actor's current absences end now. Their posts reach them again from this moment and
 * the return card is queued at once. Returns how many absences ended (0: they were not away).
 */
export async function comeBack(ctx: ActingContext): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const ended = await endAbsencesOn(tx, ctx.actor.aadObjectId, todayOf(ctx), now, ctx.actor.aadObjectId);
    for (const id of ended) await audit(tx, { actor: ctx.actor.aadObjectId, action: 'absence.end', subject: `absence:${id}`, correlationId: ctx.correlationId });
    if (ended.length) await queueReturns(tx, ctx.config, now, ctx.actor.aadObjectId);
    return ended.length;
  });
}

/**
 * "Beëindigen" on the `afwezig` card: ends (or, before its first day, cancels) one absence, by the
 * person themself, their teamleider or the MT. Returns the person's name.
 */
export async function endAbsenceById(ctx: ActingContext, absenceId: number): Promise<string> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const absence = await absenceById(tx, absenceId, true);
    if (!absence) throw notFound('Deze afwezigheid bestaat niet (meer).');
    const person = await getPerson(tx, absence.personAad);
    authorize(ctx.actor, 'absence.manage', { ownerAad: absence.personAad, regioteam: person?.regioteam ?? undefined });
    if (!(await endAbsence(tx, absenceId, todayOf(ctx), now, ctx.actor.aadObjectId))) throw conflict('Deze afwezigheid is al voorbij; er is niets gewijzigd.');
    await audit(tx, { actor: ctx.actor.aadObjectId, action: 'absence.end', subject: `absence:${absenceId}`, details: { person: absence.personAad }, correlationId: ctx.correlationId });
    await queueReturns(tx, ctx.config, now, absence.personAad);
    return person?.name ?? '';
  });
}
