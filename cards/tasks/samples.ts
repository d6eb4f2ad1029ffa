import { defaultOfficeInput, parseOffice } from '../../config/office';
import { shapeGroup, OVERVIEW_ROWS } from '../../services/tasks/rules';
import type { TaskGroup, TaskList, TaskRow } from '../../services/tasks/types';
import type { RenderContext } from '../registry';
import type { AdaptiveCard } from '../render';
import { tasksCard } from './cards';
import { tasksView } from './views';

/** Example `taken` cards with invented data through the real rules and views, for the card tests and screenshots. */
const ctx: RenderContext = { office: parseOffice(defaultOfficeInput), zone: 'Europe/Amsterdam' };
const today = '2026-11-24';
const at = (minutesAgo: number) => new Date(Date.parse('2026-11-24T09:00:00Z') - minutesAgo * 60_000).toISOString();

/** One row of every kind a consulent (and, for the last two, a teamleider or MT member) can see. */
export const sampleRows: TaskRow[] = [
  { kind: 'status.consultation', at: at(60), changeId: 7, title: 'Ring 3 gepauzeerd', deadline: '2026-11-27' },
  { kind: 'status.announcement', at: at(2000), announcementId: 3, title: 'Alleen kern en ring 1', announcement: 'publish' },
  { kind: 'status.decision', at: at(3000), changeId: 6, title: 'Noodstand: alleen kern', state: 'awaiting_confirmation', deadline: null },
  { kind: 'caseload.offerToAccept', at: at(5), requestId: 12, offerId: 31, helperName: 'Daan Jansen', caseCount: 1 },
  { kind: 'caseload.ownRequest', at: at(90), requestId: 11, status: 'open', helpKind: 'meedenken', caseCount: 1, offeredCases: 0 },
  { kind: 'caseload.teamRequest', at: at(30), requestId: 14, requesterName: 'Noor Hendriks', helpKind: 'overnemen', urgency: 'week', casesLeft: 2 },
  { kind: 'caseload.ownOffer', at: at(400), requestId: 9, requesterName: 'Milan de Boer', caseCount: 2, status: 'offered' },
  { kind: 'caseload.escalated', at: at(800), requestId: 8, regioteam: 'noord', requesterName: 'Milan de Boer', helpKind: 'vervanging', caseCount: 3 },
  { kind: 'monitoring.item', at: '2026-11-20', itemId: 41, caseReference: 'C-2026-0388', itemKind: 'no-show', stage: 'opvolgen', dueOn: '2026-11-20', overdue: true, handedOverBy: null },
  { kind: 'mdo.upcoming', at: '2026-12-01T13:00:00.000Z', decisionId: 5, mdoType: 'vios', detail: 'Houten', meetingAt: '2026-12-01T13:00:00.000Z', decided: true, outcome: 'online' },
  { kind: 'upcoming.change', at: '2026-12-01', changeId: 9, announcementId: 4, title: 'Ring 3 gepauzeerd', startDate: '2026-12-01', endDate: '2027-03-01', changes: [
    { taskId: 'mdo-zonder-betrokkenheid', taskName: "MDO's zonder directe betrokkenheid, zoals zorg- en veiligheidsoverleggen", ring: 'ring3', before: 'normaal', after: 'niet' },
  ] },
  { kind: 'monitoring.item', at: today, itemId: 42, caseReference: 'C-2026-0412', itemKind: 'overdracht-wijkteam', stage: 'controle', dueOn: today, overdue: false, handedOverBy: 'Ruben Visser' },
];

/** Sanne's items as her stand-in Daan sees them while she is away (the 'namens' group). */
const sanne = { ownerName: 'Sanne Bakker', via: 'standIn' as const, until: '2026-11-26' };
export const standInRows: TaskRow[] = [
  { kind: 'monitoring.item', at: '2026-11-24', itemId: 51, caseReference: 'C-2026-0801', itemKind: 'no-show', stage: 'opvolgen', dueOn: '2026-11-24', overdue: false, handedOverBy: null, forOwner: sanne },
  { kind: 'caseload.offerToAccept', at: at(15), requestId: 21, offerId: 44, helperName: 'Milan de Boer', caseCount: 1, forOwner: sanne },
  { kind: 'mdo.upcoming', at: '2026-11-25T13:00:00.000Z', decisionId: 8, mdoType: 'vios', detail: 'Houten', meetingAt: '2026-11-25T13:00:00.000Z', decided: true, outcome: 'online', forOwner: sanne },
  { kind: 'monitoring.item', at: '2026-11-23', itemId: 52, caseReference: 'C-2026-0812', itemKind: 'no-show', stage: 'opvolgen', dueOn: '2026-11-23', overdue: true, handedOverBy: null, forOwner: { ownerName: 'Noor Hendriks', via: 'teamleider', until: null } },
];

const groupOf = (row: TaskRow): TaskGroup['key'] => ('forOwner' in row && row.forOwner ? 'namens' : (row.kind.split('.')[0] as TaskGroup['key']));

/** A list as services/tasks builds it: grouped in the card's order, capped, monitoring by date. */
export function sampleList(rows: TaskRow[], cap = OVERVIEW_ROWS): TaskList {
  const keys: TaskGroup['key'][] = ['status', 'caseload', 'monitoring', 'mdo', 'namens', 'upcoming'];
  const groups = keys
    .map((key) => shapeGroup(key, rows.filter((r) => groupOf(r) === key), cap, key !== 'status' && key !== 'caseload'))
    .filter((g): g is TaskGroup => !!g)
    .map((g) => (g.key === 'upcoming' ? { ...g, info: true } : g));
  return { groups, today };
}

/** `count` open items spread over the groups: the size check (Teams refuses messages above ~28 KB). */
export function manyRows(count: number): TaskRow[] {
  return Array.from({ length: count }, (_, i) => {
    const base = sampleRows[i % sampleRows.length]!;
    return { ...base, at: base.kind === 'monitoring.item' || base.kind === 'mdo.upcoming' ? base.at : at(i), ...('requestId' in base ? { requestId: 100 + i } : {}), ...('itemId' in base ? { itemId: 500 + i, caseReference: `C-2026-${String(1000 + i)}` } : {}) } as TaskRow;
  });
}

export const samples: Record<string, AdaptiveCard> = {
  tasks: tasksCard(tasksView(sampleList(sampleRows), { name: 'Sanne Bakker', regioteam: 'noord', isMt: false }, ctx)),
  tasksAfterAccept: tasksCard(tasksView(sampleList(sampleRows.slice(4)), { name: 'Sanne Bakker', regioteam: 'noord', isMt: false }, ctx, { text: '✔ Aanbod geaccepteerd; je collega krijgt bericht en de hulpvraag in het teamkanaal is bijgewerkt.', style: 'good' })),
  tasksMany: tasksCard(tasksView(sampleList(manyRows(200)), { name: 'Sanne Bakker', regioteam: 'noord', isMt: false }, ctx)),
  tasksStandIn: tasksCard(tasksView(sampleList([...sampleRows.slice(4, 6), ...standInRows]), { name: 'Daan Jansen', regioteam: 'noord', isMt: false }, ctx)),
  tasksEmpty: tasksCard(tasksView({ groups: [], today }, { name: 'Lotte Smit', isMt: false }, ctx)),
};
