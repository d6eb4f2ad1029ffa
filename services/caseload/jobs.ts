import { withRecordedAbsence } from '../absence/workload';
import { isSchoolHoliday, localDay } from '../../lib/dates';
import { audit } from '../audit/store';
import { officeZone, type JobContext } from '../context';
import { linkedChannels } from '../conversations/store';
import { cardSpec } from '../deliveries/card-spec';
import { enqueueDelivery } from '../deliveries/enqueue';
import { configuredPeople } from '../people/store';
import { loadTeamWorkload } from './actions/team';
import { queueRequestUpdate, requestPostLink, requireRequest } from './actions/request-card';
import { requestCardData, teamName, type CaseloadPost } from './posts';
import { escalationDueAt, escalationPolicy, isUnanswered, isoWeekKey, workloadLine } from './rules';
import { markEscalated, unescalatedRequestIds } from './store/requests';
import { workloadSummary } from './store/workload';

/** Escalates requests still without accepted help once their waiting time has passed. */
export async function runEscalation(ctx: JobContext): Promise<number> {
  const { config, db, fireTime, log } = ctx;
  const zone = officeZone(ctx);
  const policy = escalationPolicy(config.env);
  let escalated = 0;
  for (const id of await unescalatedRequestIds(db)) {
    const done = await db.transaction(async (tx) => {
      const detail = await requireRequest(tx, id, true);
      const r = detail.request;
      if (r.escalatedAt || !isUnanswered(r.status)) return false;
      if (escalationDueAt(r, config.office, zone, policy) > fireTime) return false;
      await markEscalated(tx, r.id, fireTime);
      const leaders = (await configuredPeople(tx, config.env.WENDBAAR_TEAMLEIDERS[r.regioteam] ?? [])).map((p) => p.aad);
      const team = config.office.regioteams.find((t) => t.id === r.regioteam);
      const view = cardSpec<CaseloadPost>('caseload.escalation', {
        request: requestCardData(detail, config.office, zone).request,
        openOffers: detail.offers.filter((o) => o.status === 'offered').length,
        escalatedAt: fireTime.toISOString(),
        teamId: r.regioteam,
        teamName: teamName(config.office, r.regioteam),
        norm: team?.caseloadNorm ?? 0,
        people: (await withRecordedAbsence(tx, config.office, zone, fireTime, await workloadSummary(tx, config.office, { regioteam: r.regioteam }))).map(workloadLine),
        zone,
        link: await requestPostLink(tx, r.id),
      });
      for (const aad of leaders) {
        await enqueueDelivery(tx, {
          kind: 'personal',
          idempotencyKey: `helprequest:${r.id}:escalate:${aad}`,
          recipientAad: aad,
          payload: { view, summary: `Hulpvraag H-${r.id} wacht nog op hulp` },
        });
      }
      if (leaders.length === 0) log.warn({ requestId: r.id, regioteam: r.regioteam }, 'no teamleider configured to escalate to');
      await queueRequestUpdate(tx, ctx, r.id);
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
  const zone = officeZone(ctx);
  if (isSchoolHoliday(localDay(fireTime, zone), config.office)) {
    log.info('school holiday: no weekstart');
    return 0;
  }
  const week = isoWeekKey(fireTime, zone);
  let posted = 0;
  for (const channel of await linkedChannels(db)) {
    const team = config.office.regioteams.find((t) => t.id === channel.regioteam);
    if (!team) continue;
    const workload = await loadTeamWorkload(db, config.office, ctx.roles, team, fireTime, zone, 'weekstart');
    const id = await enqueueDelivery(db, {
      kind: 'post',
      idempotencyKey: `weekstart:${channel.id}:${week}`,
      conversationId: channel.id,
      payload: { view: cardSpec<CaseloadPost>('caseload.weekstart', workload), summary: `Weekstart ${team.name}` },
    });
    if (id !== null) posted += 1;
  }
  log.info({ posted, week }, 'weekstart posted');
  return posted;
}
