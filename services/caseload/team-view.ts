import { DateTime } from 'luxon';
import { timeZone } from '../../lib/time-zone';
import { casussen } from '../../cards/caseload/format';
import { weekstartCard } from '../../cards/caseload/workload';
import type { AdaptiveCard } from '../../cards/render';
import type { Office, Regioteam } from '../../config/office';
import type { Queryable } from '../db';
import { teamDeadlinesForWeek } from '../monitoring/summary';
import { workloadSummary } from './summary';
import { HELP_KINDS, UNANSWERED_STATUSES, URGENCIES, type HelpKind, type Urgency } from './types';

/** Start of the ISO week (Monday 00:00, office time zone) that contains `at`. */
export const weekStart = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone: timeZone(zone) }).startOf('week');

export const isoWeekKey = (at: Date, zone: string) => {
  const d = DateTime.fromJSDate(at, { zone: timeZone(zone) });
  return `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
};

export async function openRequestLines(q: Queryable, regioteam: string) {
  const rows = await q.query<{ id: number; kind: HelpKind; urgency: Urgency; case_count: number; name: string | null; escalated_at: Date | null }>(
    `SELECT r.id, r.kind, r.urgency, r.case_count, p.name, r.escalated_at FROM help_requests r
     LEFT JOIN people p ON p.aad_object_id = r.requester_aad
     WHERE r.regioteam = $1 AND r.status = ANY($2::text[]) ORDER BY r.created_at`,
    [regioteam, UNANSWERED_STATUSES],
  );
  return rows.map((r) => ({
    escalated: !!r.escalated_at,
    line: `H-${r.id} · ${HELP_KINDS[r.kind]} · ${casussen(r.case_count)} · ${URGENCIES[r.urgency].toLowerCase()} · ${r.name ?? 'onbekend'}${r.escalated_at ? ' · doorgezet naar teamleider' : ''}`,
  }));
}

export async function helpedLines(q: Queryable, regioteam: string, from: Date, to: Date): Promise<string[]> {
  const rows = await q.query<{ request_id: number; case_count: number; helper: string | null; requester: string | null }>(
    `SELECT o.request_id, o.case_count, h.name AS helper, p.name AS requester
     FROM help_offers o JOIN help_requests r ON r.id = o.request_id
     LEFT JOIN people h ON h.aad_object_id = o.helper_aad LEFT JOIN people p ON p.aad_object_id = r.requester_aad
     WHERE r.regioteam = $1 AND o.status = 'accepted' AND o.accepted_at >= $2 AND o.accepted_at < $3
     ORDER BY o.accepted_at`,
    [regioteam, from.toISOString(), to.toISOString()],
  );
  return rows.map((r) => `${r.helper ?? 'Een collega'} hielp ${r.requester ?? 'een collega'} met ${casussen(r.case_count)} (H-${r.request_id})`);
}

/** The weekstart card (also what `werkdruk team` shows) for one regioteam at `at`. */
export async function teamWorkloadCard(
  q: Queryable,
  office: Office,
  team: Regioteam,
  at: Date,
  zone: string,
  mode: 'weekstart' | 'now',
): Promise<AdaptiveCard> {
  const start = weekStart(at, zone);
  const rows = await workloadSummary(q, office, { regioteam: team.id });
  const local = DateTime.fromJSDate(at, { zone: timeZone(zone) }).setLocale('nl');
  return weekstartCard({
    title: mode === 'weekstart' ? `Weekstart ${team.name}` : `Werkdruk ${team.name}`,
    subtitle: `Week ${local.weekNumber} · ${local.toFormat(mode === 'weekstart' ? 'cccc d LLLL yyyy' : 'cccc d LLLL yyyy, HH:mm')}`,
    norm: team.caseloadNorm,
    rows,
    openRequests: await openRequestLines(q, team.id),
    helped: await helpedLines(q, team.id, start.minus({ weeks: 1 }).toJSDate(), start.toJSDate()),
    deadlines: await teamDeadlinesForWeek(q, team.id, start.toISODate()!),
    footer: 'Cijfers zijn wat collega\'s zelf bijhouden of uit de laatste import. Bespreek wie hulp kan gebruiken en wie ruimte heeft. Typ **werkdruk** om je eigen cijfers bij te werken, **ondersteuning** om hulp te vragen.',
  });
}
