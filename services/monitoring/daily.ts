import { monitoringDigestCard } from '../../cards/monitoring/cards';
import { cardSpec } from '../deliveries/card-spec';
import type { MonitoringPost } from './posts';
import type { Config } from '../../config';
import { findKind } from '../../config/monitoring-rules';
import { addMonths, addWeeks, isoDay, isWorkingDay, localDay, parseIsoDay, previousWorkingDay } from '../../lib/dates';
import { linkedChannels } from '../conversations/store';
import type { Database, Queryable } from '../db';
import { enqueueDelivery } from '../deliveries/enqueue';
import type { Logger } from '../logger';
import { digestData } from './digest';
import { configuredPeople } from '../people/store';
import { itemCardFor, recordCard, zoneOf } from './items';

export interface DueStage {
  item_id: number;
  stage: string;
  round: number;
  due_on: string;
}

/**
 * The daily selection: every pending stage due on or before `today`. One range scan on the partial
 * index monitoring_stages_due (the benchmark and an EXPLAIN test check it). Stages of closed items
 * are cancelled when the item closes, so no join is needed here; the item is read per stage when
 * it is announced.
 */
export const DUE_STAGES_SQL = `SELECT s.item_id, s.stage, s.round, s.due_on::text AS due_on
  FROM monitoring_stages s
  WHERE s.status = 'pending' AND s.due_on <= $1::date
  ORDER BY s.due_on, s.item_id, s.seq`;

export async function selectDueStages(q: Queryable, today: string): Promise<DueStage[]> {
  const rows = await q.query<DueStage>(DUE_STAGES_SQL, [today]);
  return rows.map((r) => ({ ...r, item_id: Number(r.item_id) }));
}

/** The idempotency key of a stage's personal reminder; an extended stage gets a new round. */
export const stageKey = (itemId: number, stage: string, round: number) =>
  round === 0 ? `monitoring:${itemId}:${stage}` : `monitoring:${itemId}:${stage}:r${round}`;

export interface DailyResult {
  skipped: boolean;
  due: number;
  announced: number;
  late: number;
  notNeeded: number;
  digests: number;
  evaluationReminders: number;
}

export interface DailyContext {
  config: Config;
  db: Database;
  log: Logger;
  fireTime: Date;
}

/**
 * The daily run on working days: announce each due stage once to its owner (a stage that fell due
 * while the bot was down is announced now, marked late), then one digest per linked regioteam
 * channel, then evaluation reminders for MT and beleid.
 */
export async function runMonitoringDaily(ctx: DailyContext): Promise<DailyResult> {
  const { config, db, log } = ctx;
  const office = config.office;
  const zone = zoneOf(config);
  const today = localDay(ctx.fireTime, zone);
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
    await db.transaction(async (tx) => {
      const [item] = await tx.query<{ kind: string; owner_aad: string; meeting_recorded: boolean; status: string }>(
        `SELECT kind, owner_aad, meeting_recorded, status FROM monitoring_items WHERE id = $1`,
        [stage.item_id],
      );
      if (!item || item.status !== 'open') return;
      const rule = findKind(office.monitoringRules, item.kind)?.stages.find((s) => s.id === stage.stage);
      if (rule?.onlyIf === 'noMeeting' && item.meeting_recorded) {
        await tx.query(`UPDATE monitoring_stages SET status = 'skipped' WHERE item_id = $1 AND stage = $2 AND status = 'pending'`, [stage.item_id, stage.stage]);
        result.notNeeded += 1;
        return;
      }
      // Late: a working day on which it should have been announced has already passed.
      const late = stage.due_on <= lastRunDay;
      const key = stageKey(stage.item_id, stage.stage, stage.round);
      const claimed = await tx.query(
        `INSERT INTO monitoring_announcements (item_id, stage, round, due_on, run_date, late, delivery_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING item_id`,
        [stage.item_id, stage.stage, stage.round, stage.due_on, todayIso, late, key],
      );
      if (claimed.length === 0) return; // another replica announced it
      await tx.query(
        `UPDATE monitoring_stages SET status = 'announced', announced_on = $3, late = $4 WHERE item_id = $1 AND stage = $2 AND status = 'pending'`,
        [stage.item_id, stage.stage, todayIso, late],
      );
      const card = await itemCardFor(tx, config, stage.item_id, todayIso);
      await enqueueDelivery(tx, {
        kind: 'personal',
        idempotencyKey: key,
        recipientAad: item.owner_aad,
        payload: { card, summary: late ? 'Monitoringtermijn (te laat gemeld)' : 'Monitoringtermijn vandaag' },
      });
      await recordCard(tx, stage.item_id, key);
      result.announced += 1;
      if (late) result.late += 1;
    });
  }

  for (const channel of await linkedChannels(db)) {
    const team = channel.regioteam!;
    const data = await digestData(db, config, team, todayIso);
    if (!data) continue;
    const queued = await enqueueDelivery(db, {
      kind: 'post',
      idempotencyKey: `monitoring:digest:${team}:${todayIso}`,
      conversationId: channel.id,
      payload: { card: monitoringDigestCard(data), summary: `Monitoring ${data.teamName}: ${data.summaryText}` },
    });
    if (queued !== null) result.digests += 1;
  }

  result.evaluationReminders = await queueEvaluationReminders(db, config, todayIso);
  log.info({ ...result }, 'monitoring daily run');
  return result;
}

/** Half-yearly evaluation: MT and beleid personally, `evaluationLeadWeeks` before each date, once. */
export async function queueEvaluationReminders(q: Queryable, config: Config, today: string): Promise<number> {
  const zone = zoneOf(config);
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
export async function purgeClosedItems(db: Queryable, config: Config, now: Date, log: Logger): Promise<number> {
  const cutoff = addMonths(localDay(now, zoneOf(config)), -config.office.monitoringRules.retentionMonths);
  const rows = await db.query<{ id: number }>(`DELETE FROM monitoring_items WHERE status = 'closed' AND closed_at < $1 RETURNING id`, [cutoff.toJSDate().toISOString()]);
  log.info({ purged: rows.length, retentionMonths: config.office.monitoringRules.retentionMonths }, 'monitoring retention purge');
  return rows.length;
}
