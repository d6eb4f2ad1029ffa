import type { EscalationData, RequestCardData, TeamWorkload } from '../../services/caseload/posts';
import type { WorkloadLine } from '../../services/caseload/types';
import type { AdaptiveCard } from '../render';
import {
  escalationCard, figuresFormCard, helpRequestCard, offerAcceptedCard, offerReceivedCard, requestFormCard, requestPostedCard,
  requestWithdrawnCard, weekstartCard,
} from './cards';

/** Example cards with realistic (invented) data, for the card validity tests and screenshots. */
const zone = 'Europe/Amsterdam';
const created = '2026-11-24T08:12:00.000Z';

type Offer = RequestCardData['offers'][number];
const offer = (id: number, helperAad: string, helperName: string, caseCount: number, status: Offer['status']): Offer => ({
  id, helperAad, helperName, helperTeamsId: `29:${helperAad}`, caseCount, status,
});

const request = (status: RequestCardData['request']['status'], offers: Offer[], extra: Partial<RequestCardData['request']> = {}, escalated = false): RequestCardData => ({
  request: {
    id: 12, requesterAad: 'aad-sanne', requesterName: 'Sanne Bakker', regioteam: 'noord', kind: 'overnemen', caseCount: 2,
    reason: 'piekbelasting', urgency: 'week', periodFrom: '2026-11-30', periodTo: '2026-12-18',
    description: 'Twee lopende verzuimdossiers VO waarvoor deze maand een gesprek gepland moet worden.',
    caseRefs: ['C-2026-0142', 'C-2026-0177'], status, createdAt: created,
    offeredCases: offers.filter((o) => o.status !== 'withdrawn').reduce((n, o) => n + o.caseCount, 0),
    ...extra,
  },
  offers,
  requesterTeamsId: '29:aad-sanne',
  active: ['open', 'aangeboden', 'toegewezen'].includes(status),
  escalated,
  teamName: 'Regioteam Noord',
  zone,
});

const offered = [offer(1, 'aad-daan', 'Daan Jansen', 1, 'offered'), offer(2, 'aad-noor', 'Noor Hendriks', 1, 'offered')];
const assigned = [offer(1, 'aad-daan', 'Daan Jansen', 1, 'accepted'), offer(2, 'aad-noor', 'Noor Hendriks', 1, 'offered')];

const people: WorkloadLine[] = [
  { name: 'Sanne Bakker', openCases: 68, complexCases: 9, absentDays: 0, norm: 60, isBuffer: false, aboveNorm: true, hasRoom: false },
  { name: 'Daan Jansen', openCases: 41, complexCases: 3, absentDays: 0, norm: 60, isBuffer: true, aboveNorm: false, hasRoom: true },
  { name: 'Noor Hendriks', openCases: 57, complexCases: 6, absentDays: 2, norm: 60, isBuffer: false, aboveNorm: false, hasRoom: false },
];

const weekstart: TeamWorkload = {
  mode: 'weekstart', teamName: 'Regioteam Noord', norm: 60, at: '2026-11-23T07:30:00.000Z', zone, people, missing: ['Milan de Boer'],
  waiting: [
    { id: 12, kind: 'overnemen', urgency: 'week', caseCount: 2, requesterName: 'Sanne Bakker', escalated: false },
    { id: 9, kind: 'duo', urgency: 'vandaag', caseCount: 1, requesterName: 'Noor Hendriks', escalated: true },
  ],
  helped: [{ requestId: 7, caseCount: 2, helperName: 'Daan Jansen', requesterName: 'Noor Hendriks' }],
  deadlines: [
    { owner: 'Daan Jansen', thisWeek: 1, overdue: 0 },
    { owner: 'Sanne Bakker', thisWeek: 3, overdue: 1 },
  ],
};

/** A deep link in the shape Teams uses (lib/teams-links.ts). */
const SAMPLE_LINK = 'https://teams.microsoft.com/l/message/19%3A4a95f7d8db4c4e7fae857bcebe0623e6%40thread.tacv2/1616990032035?tenantId=2432b57b-0abd-43db-aa7b-16eadd115d34&groupId=fbe2bf47-16c8-47cf-b4a5-4b9b187c508b&parentMessageId=1616990032035&createdTime=1616990032035';

const escalation: EscalationData = {
  link: SAMPLE_LINK,
  request: { ...request('open', []).request, description: 'Twee lopende verzuimdossiers VO.' },
  openOffers: 0, escalatedAt: '2026-11-25T09:00:00.000Z', teamId: 'noord', teamName: 'Regioteam Noord', norm: 60, people, zone,
};

const noord = { name: 'Regioteam Noord', caseloadNorm: 60 };
const chooseTeam = [{ id: 'noord', name: 'Regioteam Noord' }, { id: 'zuid', name: 'Regioteam Zuid' }];

export const samples: Record<string, AdaptiveCard> = {
  requestForm: requestFormCard({ teamName: 'Regioteam Noord' }),
  requestFormChooseTeam: requestFormCard({ regioteams: chooseTeam }),
  requestFormProblems: requestFormCard({
    teamName: 'Regioteam Noord',
    values: { kind: 'duo', caseCount: '2', reason: 'afwezigheid', urgency: 'vandaag', periodFrom: '2026-12-10', periodTo: '2026-12-01', caseRefs: 'C-2026-0142', description: '' },
    problems: [{ field: 'periodTo', text: 'Periode: de einddatum ligt voor de begindatum' }],
  }),
  requestPosted: requestPostedCard('Regioteam Noord', 12),
  requestOpen: helpRequestCard(request('open', [], { urgency: 'vandaag' })),
  requestOpenEscalated: helpRequestCard(request('open', [], {}, true)),
  requestOffersChannel: helpRequestCard(request('aangeboden', offered)),
  requestOffersRequester: helpRequestCard(request('aangeboden', offered), 'aad-sanne'),
  requestOffersHelper: helpRequestCard(request('aangeboden', offered), 'aad-daan'),
  // Sanne is away; Milan stands in for her and accepts offers namens her.
  requestOffersStandIn: helpRequestCard(request('aangeboden', offered), 'aad-milan', { ownerName: 'Sanne Bakker', role: 'standIn', mayAccept: [1, 2] }),
  // Daan stands in for Sanne and offered help himself: that offer is the teamleider's to accept.
  requestOffersStandInOwnOffer: helpRequestCard(request('aangeboden', offered), 'aad-daan', { ownerName: 'Sanne Bakker', role: 'standIn', mayAccept: [2], other: 'Ruben Visser (teamleider)' }),
  requestOffersTeamleiderForStandIn: helpRequestCard(request('aangeboden', offered), 'aad-ruben', { ownerName: 'Sanne Bakker', role: 'teamleider', mayAccept: [1], other: 'Daan Jansen' }),
  requestAssignedRequester: helpRequestCard(request('toegewezen', assigned), 'aad-sanne'),
  requestAssignedHelper: helpRequestCard(request('toegewezen', assigned), 'aad-daan'),
  requestPartlyAssigned: helpRequestCard(request('toegewezen', [offer(1, 'aad-daan', 'Daan Jansen', 1, 'accepted')])),
  requestDone: helpRequestCard(request('afgerond', assigned)),
  requestWithdrawn: helpRequestCard(request('ingetrokken', [])),
  offerReceived: offerReceivedCard({ helperName: 'Daan Jansen', caseCount: 1, requestId: 12, offerId: 31, link: SAMPLE_LINK, teamName: 'Regioteam Noord' }),
  offerAccepted: offerAcceptedCard({ requesterName: 'Sanne Bakker', caseCount: 1, requestId: 12, link: SAMPLE_LINK }),
  requestWithdrawnNotice: requestWithdrawnCard({ requesterName: 'Sanne Bakker', requestId: 12 }),
  figuresForm: figuresFormCard({
    figures: { openCases: 57, complexCases: 6, newThisWeek: 3, absentDays: 2, isBuffer: false, updatedAt: new Date('2026-11-23T10:00:00Z') }, team: noord, zone,
  }),
  figuresSaved: figuresFormCard({ figures: { openCases: 68, complexCases: 9, newThisWeek: 4, absentDays: 0, isBuffer: false }, team: noord, savedOpenCases: 68, zone }),
  figuresChooseTeam: figuresFormCard({ regioteams: chooseTeam, zone }),
  figuresProblems: figuresFormCard({
    figures: { openCases: 41, complexCases: 3, newThisWeek: 2, absentDays: 0, isBuffer: false }, team: noord, zone,
    values: { openCases: '20', complexCases: '25', newThisWeek: '2', absentDays: '12', isBuffer: 'false' },
    problems: [{ field: 'absentDays', text: 'Dagen afwezig: maximaal 10' }, { field: 'complexCases', text: 'Waarvan complex: kan niet hoger zijn dan het aantal open casussen' }],
  }),
  weekstart: weekstartCard(weekstart),
  weekstartEmpty: weekstartCard({ ...weekstart, teamName: 'Regioteam Zuid', people: [], missing: [], waiting: [], helped: [], deadlines: [] }),
  teamViewNow: weekstartCard({ ...weekstart, mode: 'now', at: '2026-11-26T13:45:00.000Z' }),
  escalation: escalationCard(escalation),
};
