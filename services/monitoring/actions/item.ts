import { isoDay, localDay } from '../../../lib/dates';
import { namens, ownerResource } from '../../absence/acting';
import type { OnBehalfOf } from '../../absence/types';
import { audit } from '../../audit/store';
import { authorize } from '../../authz';
import { officeZone, type ActingContext } from '../../context';
import type { Queryable } from '../../db';
import { enqueueDelivery } from '../../deliveries/enqueue';
import { fieldError } from '../../validation';
import { conflict, validationError } from '../../errors';
import { configuredPeople, peopleInTeam } from '../../people/store';
import { currentStage, kindOrThrow } from '../rules';
import { itemCard, itemGone, itemSnapshot, replacePostedCards } from '../snapshot';
import {
  closeItemRow, extendStage, getItem, getStages, markEscalated, markMeetingRecorded, recordCard, setOwner, skipPendingStages,
} from '../store/items';
import type { ItemRow, ItemSnapshot } from '../types';

/** What the buttons on an item's card do. Each returns the item as it is afterwards. */

const todayOf = (ctx: ActingContext, now: Date) => isoDay(localDay(now, officeZone(ctx)));

/** "Openen" from the list: the item's card, for its owner, their teamleider or the MT. */
export async function openItem(ctx: ActingContext, itemId: number): Promise<ItemSnapshot> {
  const item = await getItem(ctx.db, itemId);
  if (item) await authorizeOwner(ctx, ctx.db, item);
  return itemSnapshot(ctx.db, itemId, todayOf(ctx, ctx.clock.now()));
}

/**
 * The owner, whoever receives the owner's posts while they are away (stand-in, or the teamleider),
 * the team's teamleider or the MT may act on an item. Returns the owner's absence when the actor
 * stands in, so the audit entry says on whose behalf.
 */
async function authorizeOwner(ctx: ActingContext, q: Queryable, item: ItemRow): Promise<OnBehalfOf | undefined> {
  const { resource, behalf } = await ownerResource(ctx, q, item.owner_aad);
  authorize(ctx.actor, 'monitoring.owner', { ...resource, regioteam: item.regioteam });
  return behalf;
}

interface Change {
  tx: Queryable;
  item: ItemRow;
  now: Date;
  today: string;
}

/**
 * Runs a change on an open item in one transaction: the item locked, the actor authorised, the
 * audit entry written, every posted card of the item replaced in place, then `notify` (who else
 * gets the card). Returns the item as it is afterwards.
 */
function changeOpenItem(
  ctx: ActingContext,
  itemId: number,
  change: (c: Change) => Promise<{ action: string; details?: Record<string, unknown> }>,
  notify?: (c: Change, snapshot: ItemSnapshot) => Promise<void>,
): Promise<ItemSnapshot> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const item = await getItem(tx, itemId, true);
    if (!item) throw itemGone();
    const behalf = await authorizeOwner(ctx, tx, item);
    if (item.status !== 'open') throw conflict('Dit monitoringitem is al afgesloten; er is niets gewijzigd.');
    const c = { tx, item, now, today: todayOf(ctx, now) };
    const { action, details } = await change(c);
    await audit(tx, { actor: ctx.actor.aadObjectId, action, subject: `monitoring:${item.id}`, details: { kind: item.kind, ...details, ...namens(behalf) }, correlationId: ctx.correlationId });
    const snapshot = await replacePostedCards(tx, ctx.config, itemId, c.today);
    await notify?.(c, snapshot);
    return snapshot;
  });
}

/** Sends the item's card personally and remembers it, so later changes replace it in place too. */
async function sendCard(tx: Queryable, itemId: number, key: string, recipientAad: string, snapshot: ItemSnapshot, summary: string): Promise<void> {
  await enqueueDelivery(tx, { kind: 'personal', idempotencyKey: key, recipientAad, payload: { view: itemCard(snapshot), summary } });
  await recordCard(tx, itemId, key);
}

/** "Hulp is gestart — afsluiten" and "Afgerond": closes the item and cancels pending stages. */
export const closeItem = (ctx: ActingContext, itemId: number, outcome: 'hulp-gestart' | 'afgerond') =>
  changeOpenItem(ctx, itemId, async ({ tx, now }) => {
    await closeItemRow(tx, itemId, outcome, now);
    return { action: `monitoring.${outcome === 'afgerond' ? 'complete' : 'close'}`, details: { outcome } };
  });

/** "Verlengen": the current deadline moves to a later date (announced again then); reason required. */
export const extendItem = (ctx: ActingContext, itemId: number, newDate: string, reason: string) =>
  changeOpenItem(ctx, itemId, async ({ tx, today }) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newDate) || newDate <= today) throw fieldError('newDate', 'Nieuwe datum', 'kies een datum na vandaag');
    if (!reason.trim()) throw fieldError('reason', 'Reden', 'geef een reden voor de verlenging');
    const current = currentStage(await getStages(tx, itemId));
    if (!current) throw conflict('Er is geen termijn meer om te verlengen.');
    await extendStage(tx, itemId, current, newDate);
    return { action: 'monitoring.extend', details: { stage: current.stage, from: current.due_on, to: newDate, reason } };
  });

/** "Overdragen aan collega": a colleague of the same regioteam becomes owner and is told personally. */
export const handOverItem = (ctx: ActingContext, itemId: number, newOwnerAad: string) =>
  changeOpenItem(
    ctx,
    itemId,
    async ({ tx, item }) => {
      const team = await peopleInTeam(tx, item.regioteam);
      if (!team.some((p) => p.aad_object_id === newOwnerAad)) throw validationError('Kies een collega uit hetzelfde regioteam.');
      if (newOwnerAad === item.owner_aad) throw validationError('Deze collega is al eigenaar van het item.');
      await setOwner(tx, itemId, newOwnerAad);
      return { action: 'monitoring.handover', details: { from: item.owner_aad, to: newOwnerAad } };
    },
    ({ tx, item }, snapshot) =>
      sendCard(tx, itemId, `monitoring:${itemId}:handover:${item.version + 1}`, newOwnerAad, snapshot, `${ctx.actor.name} heeft een monitoringitem aan jou overgedragen`),
  );

/** "Escaleren naar teamleider": the teamleider(s) of the item's regioteam get the card personally. */
export function escalateItem(ctx: ActingContext, itemId: number): Promise<ItemSnapshot> {
  let recipients: string[] = [];
  return changeOpenItem(
    ctx,
    itemId,
    async ({ tx, item, now }) => {
      if (item.escalated_at) throw conflict('Dit item is al geëscaleerd naar de teamleider.');
      recipients = (await configuredPeople(tx, ctx.roles.teamleiders[item.regioteam] ?? [])).filter((p) => p.known).map((p) => p.aad);
      if (recipients.length === 0) throw conflict('Er is (nog) geen teamleider van dit regioteam bij Wendbaar bekend. Vraag de teamleider Wendbaar één keer te openen.');
      await markEscalated(tx, itemId, now);
      return { action: 'monitoring.escalate', details: { teamleiders: recipients.length } };
    },
    async ({ tx }, snapshot) => {
      for (const aad of recipients) {
        await sendCard(tx, itemId, `monitoring:${itemId}:escalation:${aad}`, aad, snapshot, 'Een monitoringtermijn is naar jou geëscaleerd');
      }
    },
  );
}

/** "Overleg vastgelegd" (vrijstelling 5a): the "only if no meeting" reminder is no longer sent. */
export const recordMeeting = (ctx: ActingContext, itemId: number) =>
  changeOpenItem(ctx, itemId, async ({ tx, item }) => {
    const kind = kindOrThrow(ctx.config.office.monitoringRules, item.kind);
    const conditional = kind.stages.filter((s) => s.onlyIf === 'noMeeting').map((s) => s.id);
    await markMeetingRecorded(tx, itemId);
    if (conditional.length) await skipPendingStages(tx, itemId, conditional);
    return { action: 'monitoring.meeting' };
  });
