import { DateTime } from 'luxon';
import { timeZone } from '../../lib/time-zone';
import { escalationCard } from '../../cards/caseload/workload';
import { casussen, formatDateTime } from '../../cards/caseload/format';
import { audit } from '../audit/store';
import { linkedChannels } from '../conversations/store';
import { isSchoolHoliday, localDay } from '../../lib/dates';
import { enqueueDelivery } from '../deliveries/enqueue';
import type { JobContext, ScheduledJob } from '../scheduler/types';
import { configuredPeople } from '../people/store';
import { escalationDueAt, escalationPolicy } from './escalation';
import { teamName, updateRequestCard } from './notify';
import { requireRequest } from './requests';
import { workloadSummary } from './summary';
import { isoWeekKey, teamWorkloadCard } from './team-view';
import { HELP_KINDS, HELP_REASONS, STATUS_LABELS, UNANSWERED_STATUSES, URGENCIES } from './types';

/** Escalates requests still without accepted help once their waiting time has passed. */
export async function runEscalation(ctx: JobContext): Promise<number> {
  const { config, db, fireTime, log } = ctx;
  const zone = config.env.WENDBAAR_TIME_ZONE;
  const policy = escalationPolicy(config.env);
  const candidates = await db.query<{ id: number }>(
    `SELECT id FROM help_requests WHERE status = ANY($1::text[]) AND escalated_at IS NULL ORDER BY id`,
    [UNANSWERED_STATUSES],
  );
  let escalated = 0;
  for (const { id } of candidates) {
    const done = await db.transaction(async (tx) => {
      const detail = await requireRequest(tx, Number(id), true);
      const r = detail.request;
      if (r.escalatedAt || !UNANSWERED_STATUSES.includes(r.status)) return false;
      if (escalationDueAt(r, config.office, zone, policy) > fireTime) return false;
      await tx.query(`UPDATE help_requests SET escalated_at = $2, version = version + 1 WHERE id = $1`, [r.id, fireTime.toISOString()]);
      const leaders = (await configuredPeople(tx, config.env.WENDBAAR_TEAMLEIDERS[r.regioteam] ?? [])).map((p) => p.aad);
      const team = config.office.regioteams.find((t) => t.id === r.regioteam);
      const rows = await workloadSummary(tx, config.office, { regioteam: r.regioteam });
      const waiting = DateTime.fromJSDate(r.createdAt, { zone: timeZone(zone) }).setLocale('nl').toRelative({ base: DateTime.fromJSDate(fireTime, { zone: timeZone(zone) }) }) ?? '';
      const card = escalationCard({
        title: `Hulpvraag zonder toegezegde hulp (H-${r.id})`,
        message: `${r.requesterName || 'Een collega'} vroeg ${waiting} om hulp in ${teamName(config.office, r.regioteam)}; er is nog geen aanbod geaccepteerd.`,
        facts: [
          { title: 'Soort hulp', value: HELP_KINDS[r.kind] },
          { title: 'Aantal', value: casussen(r.caseCount) },
          { title: 'Reden', value: HELP_REASONS[r.reason] },
          { title: 'Urgentie', value: URGENCIES[r.urgency] },
          { title: 'Status', value: `${STATUS_LABELS[r.status]} (${detail.offers.filter((o) => o.status === 'offered').length} aanbod)` },
          { title: 'Gevraagd op', value: formatDateTime(r.createdAt, zone) },
        ],
        description: r.description ?? '',
        teamName: teamName(config.office, r.regioteam),
        norm: team?.caseloadNorm ?? 0,
        rows,
        teamCommand: `werkdruk team ${r.regioteam}`,
      });
      for (const aad of leaders) {
        await enqueueDelivery(tx, {
          kind: 'personal',
          idempotencyKey: `helprequest:${r.id}:escalate:${aad}`,
          recipientAad: aad,
          payload: { card, summary: `Hulpvraag H-${r.id} wacht nog op hulp` },
        });
      }
      if (leaders.length === 0) log.warn({ requestId: r.id, regioteam: r.regioteam }, 'no teamleider configured to escalate to');
      await updateRequestCard(tx, r.id, config.office, zone);
      await audit(tx, { actor: 'system', action: 'caseload.escalate', subject: `helprequest:${r.id}`, details: { teamleiders: leaders.length } });
      return true;
    });
    if (done) escalated += 1;
  }
  if (escalated > 0) log.info({ escalated }, 'help requests escalated');
  return escalated;
}

/** Posts the weekstart card in every linked regioteam channel, once per channel per ISO week. */
export async function runWeekstart(ctx: JobContext): Promise<number> {
  const { config, db, fireTime, log } = ctx;
  const zone = config.env.WENDBAAR_TIME_ZONE;
  if (isSchoolHoliday(localDay(fireTime, zone), config.office)) {
    log.info('school holiday: no weekstart');
    return 0;
  }
  const week = isoWeekKey(fireTime, zone);
  let posted = 0;
  for (const channel of await linkedChannels(db)) {
    const team = config.office.regioteams.find((t) => t.id === channel.regioteam);
    if (!team) continue;
    const card = await teamWorkloadCard(db, config.office, team, fireTime, zone, 'weekstart');
    const id = await enqueueDelivery(db, {
      kind: 'post',
      idempotencyKey: `weekstart:${channel.id}:${week}`,
      conversationId: channel.id,
      payload: { card, summary: `Weekstart ${team.name}` },
    });
    if (id !== null) posted += 1;
  }
  log.info({ posted, week }, 'weekstart posted');
  return posted;
}

export const ESCALATE_JOB = 'caseload.escalate';
export const WEEKSTART_JOB = 'caseload.weekstart';

export const caseloadJobs: ScheduledJob[] = [
  { name: ESCALATE_JOB, cron: () => '*/15 * * * *', run: async (ctx) => void (await runEscalation(ctx)) },
  { name: WEEKSTART_JOB, cron: (config) => config.env.WENDBAAR_WEEKSTART_CRON, run: async (ctx) => void (await runWeekstart(ctx)) },
];
