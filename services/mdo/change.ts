import { ATTENDS, MDO_OUTCOMES } from '../../config/mdo-labels';
import { namens } from '../absence/acting';
import type { OnBehalfOf } from '../absence/types';
import { audit } from '../audit/store';
import { officeZone, type ActingContext } from '../context';
import type { Queryable } from '../db';
import { enqueueDelivery } from '../deliveries/enqueue';
import { withdrawQueued } from '../deliveries/store';
import { conflict, validationError } from '../errors';
import { loadOwnMdo } from './actions';
import { reminderSpec } from './posts';
import { hoursSavedFor, reminderTime } from './rules';
import { changeDecision, markCancelled, type MdoDecisionRow } from './store';

/**
 * After the decision: open it again, change it with a reason, or cancel the MDO. The owner, or
 * whoever stands in while the owner is away (audited "namens").
 */

const reminderKey = (id: number) => `mdo:${id}:reminder`;

/** The decision as its owner sees it again (with the organiser message), or the advice still waiting. */
export async function openMdo(ctx: ActingContext, id: number): Promise<MdoDecisionRow> {
  const { row } = await loadOwnMdo(ctx, ctx.db, id);
  if (row.status === 'cancelled') throw conflict('Dit MDO is geannuleerd.');
  return row;
}

async function lockedOwn(ctx: ActingContext, tx: Queryable, id: number): Promise<{ row: MdoDecisionRow; behalf?: OnBehalfOf }> {
  const own = await loadOwnMdo(ctx, tx, id, true);
  if (own.row.status === 'cancelled') throw conflict('Dit MDO is al geannuleerd; er is niets gewijzigd.');
  return own;
}

/**
 * Another outcome for a decided MDO, with a mandatory reason (screened like the first decision's).
 * The reminder follows: withdrawn when the consulent no longer attends, queued when they now do.
 */
export async function changeMdoDecision(ctx: ActingContext, id: number, outcome: string, reason: string): Promise<MdoDecisionRow> {
  const office = ctx.config.office;
  const now = ctx.clock.now();
  const finalOutcome = MDO_OUTCOMES.find((o) => o === outcome);
  if (!finalOutcome) throw validationError('Kies het nieuwe besluit.');
  const why = reason.trim();
  if (!why) throw validationError('Vul in waarom je het besluit wijzigt; dat is verplicht.');
  return ctx.db.transaction(async (tx) => {
    const { row, behalf } = await lockedOwn(ctx, tx, id);
    if (row.status !== 'decided') throw conflict('Dit MDO heeft nog geen besluit; leg eerst een besluit vast.');
    if (row.final_outcome === finalOutcome) throw validationError('Dit is al het besluit; kies een ander besluit of laat het zo.');
    const type = office.mdoCatalogue.find((t) => t.id === row.mdo_type);
    const at = ATTENDS.has(finalOutcome) ? reminderTime(row.meeting_at, office, officeZone(ctx)) : undefined;
    const reminderAt = at && at > now ? at : undefined;
    await withdrawQueued(tx, reminderKey(id));
    const changed = { id, finalOutcome, overridden: finalOutcome !== row.advised_outcome, reason: why, reminderAt, hoursSaved: type ? hoursSavedFor(finalOutcome, type) : 0 };
    if (!(await changeDecision(tx, changed))) throw conflict('Dit besluit is intussen gewijzigd of geannuleerd.');
    const after: MdoDecisionRow = { ...row, final_outcome: finalOutcome, overridden: changed.overridden, override_reason: why, reminder_at: reminderAt ?? null, hours_saved: changed.hoursSaved };
    if (reminderAt) {
      await enqueueDelivery(tx, { kind: 'personal', idempotencyKey: reminderKey(id), recipientAad: row.owner_aad, payload: { view: reminderSpec(after), summary: 'Herinnering MDO' }, notBefore: reminderAt });
    }
    await audit(tx, { actor: ctx.actor.aadObjectId, action: 'mdo.change', subject: `mdo:${id}`, details: { from: row.final_outcome, to: finalOutcome, reason: why, ...namens(behalf) }, correlationId: ctx.correlationId });
    return after;
  });
}

/** The MDO does not take place (for this consulent): off their list and out of the figures; no reminder. */
export async function cancelMdo(ctx: ActingContext, id: number): Promise<MdoDecisionRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { row, behalf } = await lockedOwn(ctx, tx, id);
    if (!(await markCancelled(tx, id, now))) throw conflict('Dit MDO is al geannuleerd.');
    await withdrawQueued(tx, reminderKey(id));
    await audit(tx, { actor: ctx.actor.aadObjectId, action: 'mdo.cancel', subject: `mdo:${id}`, details: { was: row.status, ...namens(behalf) }, correlationId: ctx.correlationId });
    return { ...row, status: 'cancelled', reminder_at: null };
  });
}
