import { authorize, can } from '../../authz';
import { mtViewers } from '../audience';
import type { ActingContext } from '../../context';
import { linkedChannels } from '../../conversations/store';
import { conflict, notFound, validationError } from '../../errors';
import { postConsultation, refreshConsultation, refreshMtCard, rememberMtCard } from '../notify';
import { changeFacts, countResponses } from '../rules';
import { auditStep, checkDate, existingChange, personOf, todayOf } from '../shared';
import { lockChange, moveChange, responsesOf, saveResponse } from '../store';
import type { Queryable } from '../../db';
import type { Answer, ChangeRow, Consultation, Decision, ResponseCounts, ResponseRow } from '../types';
import { decisionFor } from './decide';

/** Step 2, consultatie: the regioteams react to a proposal in their channel, or the MT skips it for urgency. */

export async function startConsultation(ctx: ActingContext, changeId: number, deadline: string, regioteams: string[]): Promise<Decision> {
  authorize(ctx.actor, 'status.propose');
  const day = checkDate(ctx, deadline, 'Reageren kan tot en met');
  if (day < todayOf(ctx, ctx.clock.now())) throw validationError('Reageren kan tot en met: kies vandaag of een latere datum.');
  await ctx.db.transaction(async (tx) => {
    const channels = (await linkedChannels(tx)).filter((c) => regioteams.includes(c.regioteam ?? ''));
    if (channels.length === 0) {
      throw validationError('Er is geen gekoppeld kanaal gekozen. Een teamleider koppelt een kanaal met "@Wendbaar koppel <regioteam>".');
    }
    const teams = channels.map((c) => c.regioteam!);
    const change = await moveChange(tx, changeId, 'consult', { consultationDeadline: day, consultationChannels: teams });
    if (!change) throw conflict('Dit voorstel is al gedeeld, besloten of ingetrokken.');
    await postConsultation(tx, ctx, change, channels);
    await rememberMtCard(tx, ctx, change);
    await auditStep(tx, ctx, 'status.consult', changeId, { deadline: day, regioteams: teams });
  });
  return decisionFor(ctx, changeId);
}

export async function skipConsultation(ctx: ActingContext, changeId: number, reason: string): Promise<Decision> {
  authorize(ctx.actor, 'status.propose');
  await ctx.db.transaction(async (tx) => {
    const change = await moveChange(tx, changeId, 'skipConsultation', { consultationSkipped: reason });
    if (!change) throw conflict('Dit voorstel is al gedeeld, besloten of ingetrokken.');
    await auditStep(tx, ctx, 'status.consultation.skip', changeId, { reason });
  });
  return decisionFor(ctx, changeId);
}

/** A medewerker's answer; the channel cards show the new counts, the answerer gets their own confirmation. */
export async function respond(ctx: ActingContext, changeId: number, answer: Answer, comment: string | undefined): Promise<Consultation> {
  authorize(ctx.actor, 'status.consult');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const change = await lockChange(tx, changeId);
    if (!change) throw notFound('Dit voorstel bestaat niet (meer).');
    if (change.state !== 'proposed' || change.consultationSkipped) throw conflict('De consultatie over dit voorstel is gesloten.');
    if (change.consultationDeadline && todayOf(ctx, now) > change.consultationDeadline) {
      throw conflict('De reactietermijn van deze consultatie is verlopen. Neem zo nodig contact op met het MT.');
    }
    await saveResponse(tx, changeId, personOf(ctx), answer, comment, now);
    await auditStep(tx, ctx, 'status.respond', changeId, { answer, comment: comment ?? null });
    await refreshConsultation(tx, ctx, change);
    await refreshMtCard(tx, ctx, change);
    return consultationFor(tx, ctx, change);
  });
}

async function consultationFor(q: Queryable, ctx: ActingContext, change: ChangeRow): Promise<Consultation> {
  return {
    change: changeFacts(ctx.config.office.rings, change),
    counts: countResponses(await responsesOf(q, change.id)),
    viewers: await mtViewers(q, ctx),
    showResponses: can(ctx.actor, 'status.viewResponses'),
  };
}

/** The consultation card as the acting person sees it: the MT's own view opens everyone's answers. */
export async function consultation(ctx: ActingContext, changeId: number): Promise<Consultation> {
  authorize(ctx.actor, 'status.consult');
  return consultationFor(ctx.db, ctx, await existingChange(ctx.db, changeId, 'Dit voorstel bestaat niet (meer).'));
}

/** Who answered what: for the MT only. */
export async function responses(ctx: ActingContext, changeId: number): Promise<{ change: ChangeRow; rows: ResponseRow[]; counts: ResponseCounts }> {
  authorize(ctx.actor, 'status.viewResponses');
  const change = await existingChange(ctx.db, changeId, 'Deze statusaanpassing bestaat niet (meer).');
  const rows = await responsesOf(ctx.db, changeId);
  return { change, rows, counts: countResponses(rows) };
}
