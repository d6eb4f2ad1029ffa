import type { Office } from '../../config/office';
import { isoDay, localDay } from '../../lib/dates';
import { namens, ownerResource, withinAbsence } from '../absence/acting';
import type { OnBehalfOf } from '../absence/types';
import { audit } from '../audit/store';
import { authorize, can } from '../authz';
import { officeZone, type ActingContext } from '../context';
import type { Queryable } from '../db';
import { enqueueDelivery } from '../deliveries/enqueue';
import { conflict, forbidden, notFound } from '../errors';
import { getPerson } from '../people/store';
import { fieldProblem, type FormProblem } from '../validation';
import { getCurrentRingState } from '../status/current';
import { reminderSpec } from './posts';
import { adviseMdo, evaluationPeriod, hoursSavedFor, reminderTime, type MdoAdvice } from './rules';
import type { ParsedMdoForm } from './form';
import { ATTENDS, MDO_OUTCOMES, type MdoOutcome } from '../../config/mdo-labels';
import { getMdoDecision, insertAdvice, lastGemeente, mdoSummary, replaceAdvice, storeDecision, upcomingMdos, type MdoDecisionRow, type MdoSummary } from './store';

/**
 * The ring state that matters is the one in force on the meeting date: a statusaanpassing that
 * has ended by then no longer limits participation, one that starts before it does.
 */
const ringStateFor = (q: Queryable, office: Office, meetingAt: Date) => getCurrentRingState(q, office, meetingAt);

/** Computes the advice and stores it with the inputs and the ring state; the actor owns the row. */
export async function recordMdoAdvice(ctx: ActingContext, form: ParsedMdoForm): Promise<MdoDecisionRow> {
  const ringState = await ringStateFor(ctx.db, ctx.config.office, form.meetingAt);
  const advice = adviseMdo(form.answers, form.type, ringState);
  const row = await insertAdvice(ctx.db, {
    ownerAad: ctx.actor.aadObjectId,
    regioteam: ctx.actor.regioteam,
    inputs: { type: form.type.id, detail: form.detail, date: form.date, time: form.time, organiser: form.organiser, caseRefs: form.caseRefs, answers: form.answers },
    meetingAt: form.meetingAt,
    advice,
    ringState,
    now: ctx.clock.now(),
  }, {
    actor: ctx.actor.aadObjectId,
    action: 'mdo.advise',
    subjectPrefix: 'mdo:',
    details: { type: form.type.id, category: advice.category, outcome: advice.outcome },
    correlationId: ctx.correlationId,
  });
  ctx.log.info({ mdo: row.id, outcome: row.advised_outcome }, 'mdo advice recorded');
  return row;
}

/** The MDO as a thing of its owner on its meeting day: after the owner's absence it waits for the owner. */
const meetingDay = (ctx: ActingContext, row: MdoDecisionRow) => ({ day: isoDay(localDay(new Date(row.meeting_at), officeZone(ctx))), label: 'Dit MDO' });

/**
 * Loads a decision for its owner, or for whoever stands in while the owner is away and the meeting
 * is within the absence (then with the owner's absence, for the "namens" audit); ownership comes
 * from the database, never from card data.
 */
export async function loadOwnMdo(ctx: ActingContext, q: Queryable, id: number, lock = false): Promise<{ row: MdoDecisionRow; behalf?: OnBehalfOf }> {
  const row = await getMdoDecision(q, id, lock);
  if (!row) throw notFound('Dit MDO-besluit bestaat niet (meer). Typ "mdo" om opnieuw te beginnen.');
  const { resource, behalf, waitsForOwner } = await ownerResource(ctx, q, row.owner_aad, meetingDay(ctx, row));
  if (waitsForOwner && !can(ctx.actor, 'mdo.owner', resource)) throw forbidden(waitsForOwner);
  authorize(ctx.actor, 'mdo.owner', resource);
  return { row, behalf };
}

/** Who the decision's cards speak to, and who signs the organiser message: the actor, namens the owner when standing in. */
export interface MdoSender {
  name: string;
  /** The absent owner's name, when the actor handles the MDO for them. */
  onBehalfOf?: string;
}

export async function mdoSender(ctx: ActingContext, row: MdoDecisionRow): Promise<MdoSender> {
  const { behalf } = await ownerResource(ctx, ctx.db, row.owner_aad);
  if (!behalf) return { name: ctx.actor.name };
  return { name: ctx.actor.name, onBehalfOf: (await getPerson(ctx.db, row.owner_aad))?.name || 'een collega' };
}

export type DecideRequest = { choice: 'accept' } | { choice: 'override'; outcome?: string; reason?: string };

export type DecideResult =
  | { kind: 'decided'; row: MdoDecisionRow }
  /** Decided earlier (a second click): nothing changed. */
  | { kind: 'already'; row: MdoDecisionRow }
  /** The ring state on the meeting date changed since the advice: show the new advice first. */
  | { kind: 'advice-changed'; row: MdoDecisionRow; previous: MdoAdvice }
  /** The choice is incomplete (e.g. no reason for deviating); nothing stored. */
  | { kind: 'invalid'; row: MdoDecisionRow; problems: FormProblem[] };

/** What deviating from the advice needs, every problem at once (the card's labels name the fields). */
export function overrideProblems(request: { outcome?: unknown; reason?: unknown }): FormProblem[] {
  const problems: FormProblem[] = [];
  const reason = typeof request.reason === 'string' ? request.reason.trim() : '';
  if (!MDO_OUTCOMES.some((o) => o === request.outcome)) problems.push(fieldProblem('outcome', 'Anders kiezen', 'kies wat je in plaats van het advies doet'));
  if (!reason) problems.push(fieldProblem('reason', 'Reden', 'vul de reden in; dat is verplicht'));
  if (reason.length > 500) problems.push(fieldProblem('reason', 'Reden', 'de reden is te lang (maximaal 500 tekens)'));
  return problems;
}

/**
 * Records the consulent's decision: the advice or another outcome with a reason, the ring state
 * at this moment, the estimated hours saved, an optional reminder through the delivery queue.
 */
export async function decideMdo(
  ctx: ActingContext,
  decision: { id: number; request: DecideRequest; reminder: boolean },
): Promise<DecideResult> {
  const office = ctx.config.office;
  const now = ctx.clock.now();
  await loadOwnMdo(ctx, ctx.db, decision.id);
  const result = await ctx.db.transaction(async (tx) => {
    const { row, behalf } = await loadOwnMdo(ctx, tx, decision.id, true);
    if (row.status === 'decided') return { kind: 'already', row } as const;
    if (row.status === 'cancelled') throw conflict('Dit MDO is geannuleerd; er valt niets meer te besluiten.');

    let finalOutcome: MdoOutcome = row.advised_outcome;
    let reason: string | undefined;
    const request = decision.request;
    if (request.choice === 'override') {
      const problems = overrideProblems(request);
      const outcome = MDO_OUTCOMES.find((o) => o === request.outcome);
      if (problems.length > 0 || !outcome) return { kind: 'invalid', row, problems } as const;
      reason = request.reason!.trim();
      finalOutcome = outcome;
    }

    const ringState = await ringStateFor(tx, office, row.meeting_at);
    const type = office.mdoCatalogue.find((t) => t.id === row.mdo_type);
    const advice = adviseMdo(row.inputs.answers, type ?? { thematic: false }, ringState);
    if (advice.outcome !== row.advised_outcome) {
      await replaceAdvice(tx, row.id, advice, ringState);
      await audit(tx, { actor: ctx.actor.aadObjectId, action: 'mdo.readvise', subject: `mdo:${row.id}`, details: { from: row.advised_outcome, to: advice.outcome, ...namens(behalf) }, correlationId: ctx.correlationId });
      return { kind: 'advice-changed', row: { ...row, advice, ring_state: ringState, advised_outcome: advice.outcome, category: advice.category }, previous: row.advice } as const;
    }

    const overridden = finalOutcome !== row.advised_outcome;
    const wantsReminder = decision.reminder && ATTENDS.has(finalOutcome);
    const at = wantsReminder ? reminderTime(row.meeting_at, office, officeZone(ctx)) : undefined;
    const reminderAt = at && at > now ? at : undefined;
    const hoursSaved = type ? hoursSavedFor(finalOutcome, type) : 0;
    await storeDecision(tx, { id: row.id, finalOutcome, overridden, reason, reminderAt, hoursSaved, ringState, now });
    const decided: MdoDecisionRow = {
      ...row, status: 'decided', final_outcome: finalOutcome, overridden, override_reason: reason ?? null,
      reminder_at: reminderAt ?? null, hours_saved: hoursSaved, ring_state: ringState, decided_at: now,
    };
    if (reminderAt) {
      await enqueueDelivery(tx, {
        kind: 'personal',
        idempotencyKey: `mdo:${row.id}:reminder`,
        recipientAad: row.owner_aad,
        payload: { view: reminderSpec(decided), summary: 'Herinnering MDO' },
        notBefore: reminderAt,
      });
    }
    await audit(tx, {
      actor: ctx.actor.aadObjectId,
      action: 'mdo.decide',
      subject: `mdo:${row.id}`,
      details: { advised: row.advised_outcome, final: finalOutcome, overridden, reminder: !!reminderAt, ...namens(behalf) },
      correlationId: ctx.correlationId,
    });
    return { kind: 'decided', row: decided } as const;
  });
  if (result.kind === 'decided') ctx.log.info({ mdo: result.row.id, overridden: result.row.overridden }, 'mdo decision recorded');
  return result;
}

/** Team figures for teamleiders and MT: decisions in the current evaluation period. */
export interface TeamMdoFigures {
  /** The regioteams covered; undefined for the whole office (MT). */
  regioteams?: string[];
  from: Date;
  to: Date;
  summary: MdoSummary;
}

/** "Mijn MDO's": the actor's upcoming MDOs, and their team's figures when they may see them. */
export async function myMdos(ctx: ActingContext): Promise<{ upcoming: MdoDecisionRow[]; team?: TeamMdoFigures }> {
  const now = ctx.clock.now();
  const upcoming = await upcomingMdos(ctx.db, ctx.actor.aadObjectId, now);
  if (!can(ctx.actor, 'mdo.overview')) return { upcoming };
  const regioteams = ctx.actor.isMt ? undefined : ctx.actor.teamleiderOf;
  const period = evaluationPeriod(ctx.config.office.evaluationDates, now, officeZone(ctx));
  return { upcoming, team: { regioteams, ...period, summary: await mdoSummary(ctx.db, { ...period, regioteams }) } };
}

/** The absent owner's MDOs that the actor handles for them (within the absence), for "MDO's van …". */
export interface StoodInMdos {
  ownerName: string;
  until: string | null;
  upcoming: MdoDecisionRow[];
}

/**
 * "MDO's van Sanne Bakker (jij vervangt)": a card may name whose MDOs to show, but only whoever
 * stands in for that owner now sees them (mdo.owner, decided by services/absence/acting.ts), and
 * only those on or before the absence's last day: later ones wait for the owner.
 */
export async function stoodInMdos(ctx: ActingContext, ownerAad: string): Promise<StoodInMdos> {
  const { resource, behalf } = await ownerResource(ctx, ctx.db, ownerAad);
  const ownerName = (await getPerson(ctx.db, ownerAad))?.name || 'deze collega';
  if (!behalf || !can(ctx.actor, 'mdo.owner', resource)) {
    throw forbidden(`De MDO's van ${ownerName} ziet alleen wie ${ownerName} nu vervangt. Typ "mdo overzicht" voor je eigen MDO's.`);
  }
  const upcoming = (await upcomingMdos(ctx.db, ownerAad, ctx.clock.now())).filter((row) => withinAbsence(behalf, meetingDay(ctx, row).day));
  return { ownerName, until: behalf.until, upcoming };
}

/**
 * What the MDO form can know before the consulent types: the gemeente of their last MDO that
 * named one (a consulent mostly works in the same gemeenten).
 */
export async function mdoFormDefaults(ctx: ActingContext): Promise<{ gemeente?: string }> {
  const gemeenteTypes = ctx.config.office.mdoCatalogue.filter((t) => t.detail === 'gemeente').map((t) => t.id);
  const gemeente = await lastGemeente(ctx.db, ctx.actor.aadObjectId, gemeenteTypes);
  return gemeente ? { gemeente } : {};
}
