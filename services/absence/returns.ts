import { isoDay, localDay } from '../../lib/dates';
import type { Config } from '../../config';
import type { Queryable } from '../db';
import { cardSpec } from '../deliveries/card-spec';
import { enqueueDelivery } from '../deliveries/enqueue';
import { ownOpenItems } from '../monitoring/store/items';
import { getPerson } from '../people/store';
import type { AbsencePost } from './posts';
import { covers } from './rules';
import { absencesOn, actedOnBehalf, markReturned, redirectedCount, returnsDue } from './store';
import type { AbsencePeriod, ReturnSummary } from './types';

/** The last day someone was (partly) away: the absence's last day, or the day of "terug" when that came first. */
function lastDayAway(a: AbsencePeriod, zone: string): string {
  const ended = a.endedAt ? isoDay(localDay(new Date(a.endedAt), zone)) : undefined;
  if (!a.endsOn) return ended ?? a.startsOn;
  return ended && ended < a.endsOn ? ended : a.endsOn;
}

/** What an action on the owner's behalf was about, when it was not a monitoring item (those name their case). */
function referenceOf(subject: string): string | null {
  const [kind, id] = subject.split(':');
  if (kind === 'helprequest') return `Hulpvraag H-${id}`;
  if (kind === 'mdo') return 'MDO';
  return null;
}

async function summaryFor(q: Queryable, personAad: string, absences: AbsencePeriod[], today: string, zone: string): Promise<ReturnSummary> {
  const ids = absences.map((a) => a.id);
  const last = absences.map((a) => lastDayAway(a, zone)).sort().at(-1)!;
  const stillOpen = (await ownOpenItems(q, personAad)).filter((i) => i.due_on !== null && i.due_on <= today);
  return {
    ownerName: (await getPerson(q, personAad))?.name ?? '',
    startsOn: absences.map((a) => a.startsOn).sort()[0]!,
    endsOn: last,
    redirected: await redirectedCount(q, ids),
    acted: (await actedOnBehalf(q, ids)).map((r) => ({ actorName: r.actor_name ?? '', action: r.action, caseReference: r.case_reference ?? referenceOf(r.subject) })),
    stillOpen: stillOpen.map((i) => ({ itemId: Number(i.id), caseReference: i.case_reference, kind: i.kind, stage: i.stage, dueOn: i.due_on })),
    today,
  };
}

/**
 * Queues the return card, once, for everyone whose absences are over at `now` and who is not away
 * under another (overlapping) absence. An absence cancelled before its first day gets no card.
 * Returns the number of cards queued.
 */
export async function queueReturns(q: Queryable, config: Config, now: Date, onlyFor?: string): Promise<number> {
  const zone = config.env.WENDBAAR_TIME_ZONE;
  const today = isoDay(localDay(now, zone));
  const over = (await returnsDue(q, today, now)).filter((a) => !onlyFor || a.personAad === onlyFor);
  const stillAway = new Set((await absencesOn(q, today, now)).filter((a) => covers(a, today, now)).map((a) => a.personAad));
  let queued = 0;
  for (const personAad of new Set(over.map((a) => a.personAad))) {
    if (stillAway.has(personAad)) continue;
    const mine = over.filter((a) => a.personAad === personAad);
    // Ended by "terug" before its first day: it never started, nothing to report.
    const started = mine.filter((a) => a.startsOn <= lastDayAway(a, zone));
    await markReturned(q, mine.map((a) => a.id));
    if (started.length === 0) continue;
    const view = cardSpec<AbsencePost>('absence.return', await summaryFor(q, personAad, started, today, zone));
    const key = `absence:return:${started.map((a) => a.id).join('-')}`;
    if ((await enqueueDelivery(q, { kind: 'personal', idempotencyKey: key, recipientAad: personAad, payload: { view, summary: 'Welkom terug' } })) !== null) queued += 1;
  }
  return queued;
}
