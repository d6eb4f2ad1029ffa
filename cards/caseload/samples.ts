import type { WorkloadRow } from '../../services/caseload/summary';
import type { HelpOffer, RequestDetail } from '../../services/caseload/types';
import type { AdaptiveCard } from '../render';
import { helpRequestCard, requestFormCard } from './request';
import { escalationCard, figuresFormCard, weekstartCard } from './workload';

/** Example cards with realistic (invented) data, for the card validity tests and screenshots. */
const zone = 'Europe/Amsterdam';
const created = new Date('2026-11-24T09:12:00+01:00');

const offer = (id: number, helperAad: string, helperName: string, caseCount: number, status: HelpOffer['status']): HelpOffer => ({
  id, requestId: 12, helperAad, helperName, helperTeamsId: `29:${helperAad}`, caseCount, status, createdAt: created, acceptedAt: status === 'accepted' ? created : null,
});

const detail = (status: RequestDetail['request']['status'], offers: HelpOffer[], extra: Partial<RequestDetail['request']> = {}): RequestDetail => ({
  request: {
    id: 12, requesterAad: 'aad-sanne', requesterName: 'Sanne Bakker', regioteam: 'noord', kind: 'overnemen', caseCount: 2,
    reason: 'piekbelasting', urgency: 'week', periodFrom: '2026-11-30', periodTo: '2026-12-18',
    description: 'Twee lopende verzuimdossiers VO waarvoor deze maand een gesprek gepland moet worden.',
    caseRefs: ['C-2026-0142', 'C-2026-0177'], status, version: 3, createdAt: created, escalatedAt: null, closedAt: null,
    offeredCases: offers.filter((o) => o.status !== 'withdrawn').reduce((n, o) => n + o.caseCount, 0),
    ...extra,
  },
  offers,
  requesterTeamsId: '29:aad-sanne',
});

const offered = [offer(1, 'aad-daan', 'Daan Jansen', 1, 'offered'), offer(2, 'aad-noor', 'Noor Hendriks', 1, 'offered')];
const assigned = [offer(1, 'aad-daan', 'Daan Jansen', 1, 'accepted'), offer(2, 'aad-noor', 'Noor Hendriks', 1, 'offered')];

const rows: WorkloadRow[] = [
  { aadObjectId: 'aad-sanne', name: 'Sanne Bakker', regioteam: 'noord', openCases: 68, complexCases: 9, newThisWeek: 4, absentDays: 0, norm: 60, isBuffer: false },
  { aadObjectId: 'aad-daan', name: 'Daan Jansen', regioteam: 'noord', openCases: 41, complexCases: 3, newThisWeek: 2, absentDays: 0, norm: 60, isBuffer: true },
  { aadObjectId: 'aad-noor', name: 'Noor Hendriks', regioteam: 'noord', openCases: 57, complexCases: 6, newThisWeek: 3, absentDays: 2, norm: 60, isBuffer: false },
];

const options = { teamName: 'Regioteam Noord', zone };

export const samples: Record<string, AdaptiveCard> = {
  requestForm: requestFormCard({ teamName: 'Regioteam Noord' }),
  requestFormChooseTeam: requestFormCard({ teamName: 'je regioteam', regioteams: [{ id: 'noord', name: 'Regioteam Noord' }, { id: 'zuid', name: 'Regioteam Zuid' }] }),
  requestOpen: helpRequestCard(detail('open', [], { urgency: 'vandaag' }), options),
  requestOpenEscalated: helpRequestCard(detail('open', [], { escalatedAt: created }), options),
  requestOffersChannel: helpRequestCard(detail('aangeboden', offered), options),
  requestOffersRequester: helpRequestCard(detail('aangeboden', offered), { ...options, viewerAad: 'aad-sanne' }),
  requestOffersHelper: helpRequestCard(detail('aangeboden', offered), { ...options, viewerAad: 'aad-daan' }),
  requestAssignedRequester: helpRequestCard(detail('toegewezen', assigned), { ...options, viewerAad: 'aad-sanne' }),
  requestAssignedHelper: helpRequestCard(detail('toegewezen', assigned), { ...options, viewerAad: 'aad-daan' }),
  requestDone: helpRequestCard(detail('afgerond', assigned), options),
  requestWithdrawn: helpRequestCard(detail('ingetrokken', []), options),
  figuresForm: figuresFormCard({ figures: { openCases: 57, complexCases: 6, newThisWeek: 3, absentDays: 2, isBuffer: false }, teamName: 'Regioteam Noord', norm: 60, updatedText: 'Laatst bijgewerkt: 23-11-2026.' }),
  figuresSaved: figuresFormCard({ figures: { openCases: 68, complexCases: 9, newThisWeek: 4, absentDays: 0, isBuffer: false }, teamName: 'Regioteam Noord', norm: 60, saved: 'Opgeslagen. Je zit met 68 open casussen boven de norm van 60: vraag gerust ondersteuning (typ ondersteuning).' }),
  figuresChooseTeam: figuresFormCard({ regioteams: [{ id: 'noord', name: 'Regioteam Noord' }, { id: 'zuid', name: 'Regioteam Zuid' }] }),
  weekstart: weekstartCard({
    title: 'Weekstart Regioteam Noord',
    subtitle: 'Week 48 · maandag 23 november 2026',
    norm: 60,
    rows,
    openRequests: [
      { line: 'H-12 · Tijdelijk casus(sen) overnemen · 2 casussen · deze week · Sanne Bakker', escalated: false },
      { line: 'H-9 · Duo-aanpak bij een complexe casus · 1 casus · vandaag · Noor Hendriks · doorgezet naar teamleider', escalated: true },
    ],
    helped: ['Daan Jansen hielp Noor Hendriks met 2 casussen (H-7)'],
    deadlines: [
      { owner: 'Daan Jansen', thisWeek: 1, overdue: 0 },
      { owner: 'Sanne Bakker', thisWeek: 3, overdue: 1 },
    ],
    footer: 'Cijfers zijn wat collega\'s zelf bijhouden (typ werkdruk) of uit de laatste import.',
  }),
  weekstartEmpty: weekstartCard({ title: 'Weekstart Regioteam Zuid', subtitle: 'Week 48 · maandag 23 november 2026', norm: 60, rows: [], openRequests: [], helped: [], footer: 'Typ werkdruk om je cijfers bij te houden.' }),
  escalation: escalationCard({
    title: 'Hulpvraag zonder toegezegde hulp (H-12)',
    message: 'Sanne Bakker vroeg 1 dag geleden om hulp in Regioteam Noord; er is nog geen aanbod geaccepteerd.',
    facts: [
      { title: 'Soort hulp', value: 'Tijdelijk casus(sen) overnemen' },
      { title: 'Aantal', value: '2 casussen' },
      { title: 'Urgentie', value: 'Deze week' },
      { title: 'Status', value: 'Open (0 aanbod)' },
    ],
    description: 'Twee lopende verzuimdossiers VO.',
    teamName: 'Regioteam Noord',
    norm: 60,
    rows,
    teamCommand: 'werkdruk team noord',
  }),
};
