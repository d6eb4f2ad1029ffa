import { isoDay, localDay, parseIsoDay } from '../../lib/dates';
import { audit } from '../audit/store';
import { officeZone, type ActingContext, type Context } from '../context';
import type { Queryable } from '../db';
import { notFound, validationError } from '../errors';
import { getChange } from './store';
import type { ChangeRow } from './types';

/** What every step of the flow shares: the office's today, date checks, the change it acts on, its audit entry. */

/** Today in the office's time zone (ISO day). */
export const todayOf = (ctx: Pick<Context, 'config'>, now: Date): string => isoDay(localDay(now, officeZone(ctx)));

/** A date from a card, as an existing ISO day; a Dutch message naming the field otherwise. */
export function checkDate(ctx: Pick<Context, 'config'>, iso: string, label: string): string {
  try {
    return isoDay(parseIsoDay(iso, officeZone(ctx)));
  } catch {
    throw validationError(`${label}: kies een bestaande datum.`);
  }
}

export async function existingChange(q: Queryable, id: number, message = 'Deze statusaanpassing bestaat niet (meer). Typ "status geschiedenis" voor het overzicht.'): Promise<ChangeRow> {
  const change = await getChange(q, id);
  if (!change) throw notFound(message);
  return change;
}

/** The audit entry of a step; its subject is the change, so "every step" of one change is one query. */
export async function auditStep(q: Queryable, ctx: ActingContext, action: string, changeId: number, details: Record<string, unknown> = {}): Promise<void> {
  await audit(q, { actor: ctx.actor.aadObjectId, action, subject: `status:${changeId}`, details, correlationId: ctx.correlationId });
}

/** The actor as the store records deciders, answerers and readers. */
export const personOf = (ctx: ActingContext) => ({ aad: ctx.actor.aadObjectId, name: ctx.actor.name });
