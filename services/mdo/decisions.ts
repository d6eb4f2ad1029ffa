import { DateTime } from 'luxon';
import { timeZone } from '../time-zone';
import type { Office } from '../../config/office';
import { audit } from '../audit';
import { authorize, type Actor } from '../authz';
import { addWorkingDays } from '../dates';
import type { Database, Queryable } from '../db';
import type { DeliveryPayload } from '../deliveries/enqueue';
import { enqueueDelivery } from '../deliveries/enqueue';
import { notFound } from '../errors';
import { getCurrentRingState } from '../status/current';
import { adviseMdo, type MdoAdvice } from './advice';
import type { ParsedMdoForm } from './form';
import { ATTENDS, MDO_OUTCOMES, type MdoOutcome } from './labels';
import { getMdoDecision, insertAdvice, replaceAdvice, storeDecision, type MdoDecisionRow } from './store';
import { hoursSavedFor } from './summary';

/**
 * The ring state that matters is the one in force on the meeting date: a statusaanpassing that
 * has ended by then no longer limits participation, one that starts before it does.
 */
const ringStateFor = (q: Queryable, office: Office, meetingAt: Date) => getCurrentRingState(q, office, meetingAt);

/** Computes the advice and stores it with the inputs and the ring state; the actor owns the row. */
export async function recordMdoAdvice(
  db: Database,
  ctx: { actor: Actor; office: Office; form: ParsedMdoForm; now: Date; correlationId?: string },
): Promise<MdoDecisionRow> {
  const { form } = ctx;
  const ringState = await ringStateFor(db, ctx.office, form.meetingAt);
  const advice = adviseMdo(form.answers, form.type, ringState);
  return insertAdvice(db, {
    ownerAad: ctx.actor.aadObjectId,
    regioteam: ctx.actor.regioteam,
    inputs: { type: form.type.id, detail: form.detail, date: form.date, time: form.time, organiser: form.organiser, caseRefs: form.caseRefs, answers: form.answers },
    meetingAt: form.meetingAt,
    advice,
    ringState,
    now: ctx.now,
  }, {
    actor: ctx.actor.aadObjectId,
    action: 'mdo.advise',
    subjectPrefix: 'mdo:',
    details: { type: form.type.id, category: advice.category, outcome: advice.outcome },
    correlationId: ctx.correlationId,
  });
}

/** Loads a decision for its owner only; ownership comes from the database, never from card data. */
export async function loadOwnMdo(db: Pick<Database, 'query'>, actor: Actor, id: number): Promise<MdoDecisionRow> {
  const row = await getMdoDecision(db, id);
  if (!row) throw notFound('Dit MDO-besluit bestaat niet (meer). Typ "mdo" om opnieuw te beginnen.');
  authorize(actor, 'mdo.owner', { ownerAad: row.owner_aad });
  return row;
}

export type DecideRequest = { choice: 'accept' } | { choice: 'override'; outcome?: string; reason?: string };

export type DecideResult =
  | { kind: 'decided'; row: MdoDecisionRow }
  /** Decided earlier (a second click): nothing changed. */
  | { kind: 'already'; row: MdoDecisionRow }
  /** The ring state on the meeting date changed since the advice: show the new advice first. */
  | { kind: 'advice-changed'; row: MdoDecisionRow; previous: MdoAdvice }
  /** The choice is incomplete (e.g. no reason for deviating); nothing stored. */
  | { kind: 'invalid'; row: MdoDecisionRow; error: string };

/** The consulent's reminder moment: 09:00 on the working day before the meeting. */
export function reminderTime(meetingAt: Date, office: Office, zone: string): Date {
  const day = DateTime.fromJSDate(meetingAt, { zone: timeZone(zone) }).startOf('day');
  return addWorkingDays(day, -1, office).set({ hour: 9 }).toJSDate();
}

/**
 * Records the consulent's decision: the advice or another outcome with a reason, the ring state
 * at this moment, the estimated hours saved, an optional reminder through the delivery queue.
 */
export async function decideMdo(
  db: Database,
  ctx: {
    actor: Actor;
    office: Office;
    zone: string;
    id: number;
    request: DecideRequest;
    reminder: boolean;
    now: Date;
    correlationId?: string;
    reminderPayload: (row: MdoDecisionRow) => DeliveryPayload;
  },
): Promise<DecideResult> {
  await loadOwnMdo(db, ctx.actor, ctx.id);
  return db.transaction(async (tx) => {
    const row = (await getMdoDecision(tx, ctx.id, true))!;
    authorize(ctx.actor, 'mdo.owner', { ownerAad: row.owner_aad });
    if (row.status === 'decided') return { kind: 'already', row } as const;

    let finalOutcome: MdoOutcome = row.advised_outcome;
    let reason: string | undefined;
    const request = ctx.request;
    if (request.choice === 'override') {
      const outcome = MDO_OUTCOMES.find((o) => o === request.outcome);
      reason = request.reason?.trim() || undefined;
      if (!outcome) return { kind: 'invalid', row, error: 'Kies wat je in plaats van het advies doet.' } as const;
      if (!reason) return { kind: 'invalid', row, error: 'Vul in waarom je afwijkt van het advies; dat is verplicht.' } as const;
      if (reason.length > 500) return { kind: 'invalid', row, error: 'De reden is te lang (maximaal 500 tekens).' } as const;
      finalOutcome = outcome;
    }

    const ringState = await ringStateFor(tx, ctx.office, row.meeting_at);
    const type = ctx.office.mdoCatalogue.find((t) => t.id === row.mdo_type);
    const advice = adviseMdo(row.inputs.answers, type ?? { thematic: false }, ringState);
    if (advice.outcome !== row.advised_outcome) {
      await replaceAdvice(tx, row.id, advice, ringState);
      await audit(tx, { actor: ctx.actor.aadObjectId, action: 'mdo.readvise', subject: `mdo:${row.id}`, details: { from: row.advised_outcome, to: advice.outcome }, correlationId: ctx.correlationId });
      return { kind: 'advice-changed', row: { ...row, advice, ring_state: ringState, advised_outcome: advice.outcome, category: advice.category }, previous: row.advice } as const;
    }

    const overridden = finalOutcome !== row.advised_outcome;
    const wantsReminder = ctx.reminder && ATTENDS.has(finalOutcome);
    const at = wantsReminder ? reminderTime(row.meeting_at, ctx.office, ctx.zone) : undefined;
    const reminderAt = at && at > ctx.now ? at : undefined;
    const hoursSaved = type ? hoursSavedFor(finalOutcome, type) : 0;
    await storeDecision(tx, { id: row.id, finalOutcome, overridden, reason, reminderAt, hoursSaved, ringState, now: ctx.now });
    const decided: MdoDecisionRow = {
      ...row, status: 'decided', final_outcome: finalOutcome, overridden, override_reason: reason ?? null,
      reminder_at: reminderAt ?? null, hours_saved: hoursSaved, ring_state: ringState, decided_at: ctx.now,
    };
    if (reminderAt) {
      await enqueueDelivery(tx, {
        kind: 'personal',
        idempotencyKey: `mdo:${row.id}:reminder`,
        recipientAad: row.owner_aad,
        payload: ctx.reminderPayload(decided),
        notBefore: reminderAt,
      });
    }
    await audit(tx, {
      actor: ctx.actor.aadObjectId,
      action: 'mdo.decide',
      subject: `mdo:${row.id}`,
      details: { advised: row.advised_outcome, final: finalOutcome, overridden, reminder: !!reminderAt },
      correlationId: ctx.correlationId,
    });
    return { kind: 'decided', row: decided } as const;
  });
}
