import type { Config } from '../../config';
import { findKind } from '../../config/monitoring-rules';
import { addMonths, addWeeks, isoDay, isWorkingDay, localDay, parseIsoDay, previousWorkingDay } from '../../lib/dates';
import { officeZone, type JobContext } from '../context';
import { linkedChannels } from '../conversations/store';
import { cardSpec } from '../deliveries/card-spec';
import type { Queryable } from '../db';
import { enqueueDelivery } from '../deliveries/enqueue';
import { configuredPeople } from '../people/store';
import { postDigest } from './digest';
import type { MonitoringPost } from './posts';
import { stageKey } from './rules';
import { itemCard, itemSnapshot } from './snapshot';
import { claimAnnouncement, selectDueStages, type DueStage } from './store/announcements';
import { getItem, purgeClosedBefore, recordCard, skipPendingStages } from './store/items';

export interface DailyResult {
  skipped: boolean;
  due: number;
  announced: number;
  late: number;
  notNeeded: number;
  digests: number;
  evaluationReminders: number;
}

type Outcome = 'announced' | 'late' | 'notNeeded' | 'none';

/**
 * Announces one due stage to its owner, once (its own transaction). A stage whose reminder is only
 * needed without a meeting is skipped when the meeting was recorded.
 */
async function announceStage(ctx: JobContext, stage: DueStage, todayIso: string, lastRunDay: string): Promise<Outcome> {
  const { config } = ctx;
  return ctx.db.transaction(async (tx) => {
    const item = await getItem(tx, stage.item_id);
    if (!item || item.status !== 'open') return 'none';
    const rule = findKind(config.office.monitoringRules, item.kind)?.stages.find((s) => s.id === stage.stage);
    if (rule?.onlyIf === 'noMeeting' && item.meeting_recorded) {
      await skipPendingStages(tx, stage.item_id, [stage.stage]);
      return 'notNeeded';
    }
    // Late: a working day on which it should have been announced has already passed.
    const late = stage.due_on <= lastRunDay;
    const key = stageKey(stage.item_id, stage.stage, stage.round);
    if (!(await claimAnnouncement(tx, { stage, runDate: todayIso, late, deliveryKey: key }))) return 'none'; // another replica announced it
    const view = itemCard(await itemSnapshot(tx, stage.item_id, todayIso));
    await enqueueDelivery(tx, {
      kind: 'personal',
      idempotencyKey: key,
      recipientAad: item.owner_aad,
      payload: { view, summary: late ? 'Monitoringtermijn (te laat gemeld)' : 'Monitoringtermijn vandaag' },
    });
    await recordCard(tx, stage.item_id, key);
    return late ? 'late' : 'announced';
  });
}

/**
 * The daily run on working days: announce each due stage once to its owner (a stage that fell due
 * while the bot was down is announced now, marked late), then one digest per linked regioteam
 * channel, then evaluation reminders for MT and beleid.
 */
export async function runMonitoringDaily(ctx: JobContext): Promise<DailyResult> {
  const { config, db, log } = ctx;
  const office = config.office;
  const today = localDay(ctx.fireTime, officeZone(ctx));
  const result: DailyResult = { skipped: false, due: 0, announced: 0, late: 0, notNeeded: 0, digests: 0, evaluationReminders: 0 };
  if (!isWorkingDay(today, office)) {
    log.info('monitoring daily run skipped: not a working day');
    return { ...result, skipped: true };
  }
  const todayIso = isoDay(today);
  const lastRunDay = isoDay(previousWorkingDay(today, office));
  const due = await selectDueStages(db, todayIso);
  result.due = due.length;

  for (const stage of due) {
    const outcome = await announceStage(ctx, stage, todayIso, lastRunDay);
    if (outcome === 'notNeeded') result.notNeeded += 1;
    if (outcome === 'announced' || outcome === 'late') result.announced += 1;
    if (outcome === 'late') result.late += 1;
  }

  for (const channel of await linkedChannels(db)) {
    if (await postDigest(db, config, channel.regioteam!, channel.id, todayIso)) result.digests += 1;
  }

  result.evaluationReminders = await queueEvaluationReminders(db, config, todayIso);
  log.info({ ...result }, 'monitoring daily run');
  return result;
}

/** Half-yearly evaluation: MT and beleid personally, `evaluationLeadWeeks` before each date, once. */
export async function queueEvaluationReminders(q: Queryable, config: Config, today: string): Promise<number> {
  const zone = config.env.WENDBAAR_TIME_ZONE;
  const lead = config.office.monitoringRules.evaluationLeadWeeks;
  let queued = 0;
  for (const date of config.office.evaluationDates) {
    const remindFrom = isoDay(addWeeks(parseIsoDay(date, zone), -lead));
    if (today < remindFrom || today > date) continue;
    const recipients = (await configuredPeople(q, [...config.env.WENDBAAR_MT, ...config.env.WENDBAAR_BELEID])).filter((p) => p.known).map((p) => p.aad);
    const view = cardSpec<MonitoringPost>('monitoring.evaluationReminder', { evaluationDate: date, leadWeeks: lead });
    for (const aad of recipients) {
      const id = await enqueueDelivery(q, { kind: 'personal', idempotencyKey: `monitoring:evaluation:${date}:${aad}`, recipientAad: aad, payload: { view, summary: 'Halfjaarlijkse evaluatie nadert' } });
      if (id !== null) queued += 1;
    }
  }
  return queued;
}

/** Purges closed items older than the retention period (stages, announcements and cards cascade). */
export async function purgeClosedItems(ctx: JobContext): Promise<number> {
  const months = ctx.config.office.monitoringRules.retentionMonths;
  const cutoff = addMonths(localDay(ctx.fireTime, officeZone(ctx)), -months);
  const purged = await purgeClosedBefore(ctx.db, cutoff.toJSDate());
  ctx.log.info({ purged, retentionMonths: months }, 'monitoring retention purge');
  return purged;
}
