import { defaultOfficeInput, parseOffice } from '../../config/office';
import type { AbsenceOverview } from '../../services/absence/types';
import type { Actor } from '../../services/authz';
import { monitoringPostCards } from '../monitoring/posts';
import { sampleItem } from '../monitoring/samples';
import type { RenderContext } from '../registry';
import type { AdaptiveCard } from '../render';
import { absenceOverviewCard } from './cards';
import { withOnBehalfLine } from './on-behalf';
import { absencePostCards } from './posts';
import { overviewView, recordedMessage } from './views';

/** Example cards with invented data through the real views, for the card tests and screenshots. */
const ctx: RenderContext = { office: parseOffice(defaultOfficeInput), zone: 'Europe/Amsterdam' };
const ruben: Actor = { aadObjectId: 'aad-tl-noord', name: 'Ruben Visser', isMt: false, isBeleid: false, teamleiderOf: ['noord'], regioteam: 'noord' };
const sanne: Actor = { aadObjectId: 'aad-consulent-1', name: 'Sanne Bakker', isMt: false, isBeleid: false, teamleiderOf: [], regioteam: 'noord' };

const overview: AbsenceOverview = {
  today: '2026-11-24',
  people: [
    { aad: 'aad-tl-noord', name: 'Ruben Visser' },
    { aad: 'aad-consulent-1', name: 'Sanne Bakker' },
    { aad: 'aad-consulent-2', name: 'Daan Jansen' },
  ],
  standIns: [{ aad: 'aad-consulent-1', name: 'Sanne Bakker' }, { aad: 'aad-consulent-2', name: 'Daan Jansen' }],
  defaultStandIn: { aad: 'aad-consulent-2', name: 'Daan Jansen' },
  absences: [
    { id: 7, personName: 'Sanne Bakker', kind: 'ziek', startsOn: '2026-11-24', endsOn: null, standInName: 'Daan Jansen', current: true },
    { id: 8, personName: 'Noor Hendriks', kind: 'verlof', startsOn: '2026-12-21', endsOn: '2027-01-01', standInName: null, current: false },
  ],
};

const onBehalf = (via: 'standIn' | 'teamleider') =>
  withOnBehalfLine(monitoringPostCards['monitoring.item'](sampleItem, ctx), { ownerAad: 'aad-consulent-1', ownerName: 'Sanne Bakker', absenceId: 7, via, until: '2026-11-27' }, ctx);

export const samples: Record<string, AdaptiveCard> = {
  'absence-overview-teamleider': absenceOverviewCard(overviewView(overview, ruben, ctx, recordedMessage({ personName: 'Sanne Bakker', standInName: 'Daan Jansen' }))),
  'absence-overview-consulent': absenceOverviewCard(overviewView({ ...overview, people: [overview.people[1]!], absences: [] }, sanne, ctx)),
  'absence-overview-team-unknown': absenceOverviewCard(overviewView({ ...overview, people: [], standIns: [], absences: [] }, sanne, ctx)),
  'absence-stand-in': absencePostCards['absence.standIn']({ ownerName: 'Sanne Bakker', recordedByName: 'Ruben Visser', startsOn: '2026-11-24', endsOn: '2026-11-27' }, ctx),
  'absence-return': absencePostCards['absence.return']({
    ownerName: 'Sanne Bakker',
    startsOn: '2026-11-24',
    endsOn: '2026-11-27',
    redirected: 3,
    acted: [{ actorName: 'Daan Jansen', action: 'monitoring.complete', caseReference: 'C-2026-0377' }],
    stillOpen: [{ itemId: 42, caseReference: 'C-2026-0412', kind: 'overdracht-wijkteam', stage: 'controle', dueOn: '2026-11-24' }],
    today: '2026-11-30',
  }, ctx),
  'absence-monitoring-item-namens': onBehalf('standIn'),
  'absence-monitoring-item-teamleider': onBehalf('teamleider'),
  'absence-monitoring-digest': monitoringPostCards['monitoring.digest']({
    regioteam: 'noord',
    today: '2026-11-24',
    overdue: [],
    dueToday: [
      { caseReference: 'C-2026-0377', kind: 'no-show', stage: 'opvolgen', dueOn: '2026-11-24', late: false, ownerName: 'Daan Jansen' },
      { caseReference: 'C-2026-0412', kind: 'overdracht-wijkteam', stage: 'controle', dueOn: '2026-11-24', late: false, ownerName: 'Sanne Bakker', standInName: 'Daan Jansen' },
    ],
    upcoming: [],
  }, ctx),
};
