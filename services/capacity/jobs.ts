import { addMonths, isoDay, localDay, parseIsoDay, startOfWeek } from '../../lib/dates';
import { audit } from '../audit/store';
import { officeZone, type JobContext } from '../context';
import { cardSpec } from '../deliveries/card-spec';
import { enqueueDelivery } from '../deliveries/enqueue';
import { configuredPeople } from '../people/store';
import { loadInForce } from '../status/current';
import type { CapacityPost } from './posts';
import type { CapacitySignal, DueSignal } from './types';
import { combineSignals, dueSignals, officeWeeks, type RingSituation } from './rules';
import { teamWeeks } from './snapshot';
import { insertSignal, joinSignals } from './store/signals';
import { insertSnapshots, purgeSnapshotsBefore, snapshotsBetween } from './store/snapshots';

export interface CapacityRun {
  week: string;
  snapshots: number;
  signals: number;
  purged: number;
}

/**
 * The weekly capacity run (after the weekstart): stores this week's snapshot per regioteam, then
 * sends each signal that became due to every MT member once per episode, and deletes snapshots
 * older than the retention. A signal never changes the ring status; the MT decides.
 */
export async function runCapacityWeekly(ctx: JobContext): Promise<CapacityRun> {
  const { config, db, fireTime, log } = ctx;
  const office = config.office;
  const zone = officeZone(ctx);
  const today = localDay(fireTime, zone);
  const week = isoDay(startOfWeek(today));
  const retainFrom = isoDay(startOfWeek(addMonths(today, -office.capacity.retentionMonths)));

  const snapshots = await insertSnapshots(db, await teamWeeks(db, office, week, isoDay(today), fireTime), fireTime);
  const nextWeek = isoDay(parseIsoDay(week, zone).plus({ weeks: 1 }));
  const weeks = officeWeeks(await snapshotsBetween(db, retainFrom, nextWeek));
  const inForce = await loadInForce(db, office, fireTime, zone);
  const situation: RingSituation = {
    tasks: inForce.tasks,
    ...(inForce.change
      ? { change: { id: inForce.change.id, title: inForce.change.title, startDate: inForce.change.startDate, endDate: inForce.change.endDate ?? undefined, reasonCategory: inForce.change.reasonCategory } }
      : {}),
  };

  // Capacity rules that start to hold in the same week make one card; each recovery is its own.
  const due = dueSignals(weeks, office.capacity, situation, office.rings);
  const cards: DueSignal[][] = [due.filter((d) => d.kind === 'capacity'), ...due.filter((d) => d.kind === 'recovery').map((d) => [d])];
  let signals = 0;
  for (const card of cards.filter((c) => c.length > 0)) {
    const sent = await db.transaction(async (tx) => {
      // Each rule's episode is stored (and so signalled) once; only the new ones go on the card.
      const fresh: CapacitySignal[] = [];
      for (const d of card) {
        const stored = await insertSignal(tx, d, week, office.capacity.consecutiveWeeks, fireTime);
        if (stored) fresh.push(stored);
      }
      const [first, ...rest] = fresh;
      if (!first) return false;
      const signal = combineSignals([first, ...rest]);
      if (rest.length > 0) await joinSignals(tx, signal, rest.map((s) => s.id));
      const mt = await configuredPeople(tx, config.env.WENDBAAR_MT);
      const summary = signal.kind === 'capacity' ? 'Capaciteitssignaal voor het MT' : 'Capaciteit hersteld: statusaanpassing beëindigen?';
      for (const person of mt) {
        await enqueueDelivery(tx, {
          kind: 'personal',
          idempotencyKey: `capacity:signal:${signal.id}:${person.aad}`,
          recipientAad: person.aad,
          payload: { view: cardSpec<CapacityPost>('capacity.signal', signal), summary },
        });
      }
      await audit(tx, {
        actor: 'system',
        action: signal.kind === 'capacity' ? 'capacity.signal' : 'capacity.recovery',
        subject: `capacity-signal:${signal.id}`,
        correlationId: ctx.correlationId,
        details: { rules: fresh.map((s) => s.ruleKey), episodeStart: signal.episodeStart, week, suggestedPreset: signal.suggestedPreset ?? null, changeId: signal.change?.id ?? null, mt: mt.length },
      });
      if (mt.length === 0) log.warn({ signalId: signal.id }, 'capacity signal stored but no MT member configured (WENDBAAR_MT)');
      return true;
    });
    if (sent) signals += 1;
  }
  const purged = await purgeSnapshotsBefore(db, retainFrom);
  const run = { week, snapshots, signals, purged };
  log.info(run, 'capacity weekly run');
  return run;
}
