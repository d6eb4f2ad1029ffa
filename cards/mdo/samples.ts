import { defaultOfficeInput, parseOffice } from '../../config/office';
import { adviseMdo, type MdoAnswers } from '../../services/mdo/rules';
import { emptyMdoForm } from '../../services/mdo/form';
import { reminderSpec } from '../../services/mdo/posts';
import type { MdoDecisionRow } from '../../services/mdo/store';
import type { RingState } from '../../services/status/current';
import type { AdaptiveCard } from '../render';
import { mdoAdviceCard, mdoDecidedCard, mdoFormCard, mdoOverviewCard, mdoReminderCard } from './cards';
import { adviceCardData, decidedCardData, overviewCardData, reminderCardData, stoodInOverviewCardData } from './views';
import { withOnBehalfLine } from '../absence/on-behalf';
import type { OnBehalfLine } from '../../services/absence/types';

const office = parseOffice(defaultOfficeInput);
const zone = 'Europe/Amsterdam';
const sannesAbsence: OnBehalfLine = { ownerAad: 'aad-sanne', ownerName: 'Sanne Bakker', absenceId: 4, via: 'standIn', until: '2026-12-04' };
const types = office.mdoCatalogue.map((t) => ({ id: t.id, name: t.name, organiser: t.organiser }));
const normal: RingState = { tasks: Object.fromEntries(office.rings.tasks.map((t) => [t.id, 'normaal' as const])) };
const paused: RingState = {
  tasks: { ...normal.tasks, 'mdo-zonder-betrokkenheid': 'niet', 'mdo-direct-fysiek': 'soberder' },
  activeChange: { id: 3, title: 'Krapte winter 2026', startDate: '2026-11-16', endDate: '2027-02-19', reason: 'Twee vacatures in Regioteam Noord' },
};

function row(answers: MdoAnswers, type: string, ring: RingState, extra: Partial<MdoDecisionRow> = {}): MdoDecisionRow {
  const advice = adviseMdo(answers, office.mdoCatalogue.find((t) => t.id === type)!, ring);
  return {
    id: 41, owner_aad: 'aad-consulent-1', regioteam: 'noord', mdo_type: type, detail: null,
    meeting_at: new Date('2026-12-01T13:00:00Z'), organiser: 'Zorg- en Veiligheidshuis regio Utrecht',
    case_refs: answers.involved ? ['C-2026-0412'] : [], inputs: { type, date: '2026-12-01', time: '14:00', organiser: 'Zorg- en Veiligheidshuis regio Utrecht', caseRefs: [], answers },
    advice, ring_state: ring, category: advice.category, advised_outcome: advice.outcome, status: 'advised', final_outcome: null,
    overridden: false, override_reason: null, reminder_at: null, hours_saved: 0, created_at: new Date('2026-11-24T08:00:00Z'), decided_at: null,
    ...extra,
  };
}

const involved: MdoAnswers = { involved: true, legalBasis: 'ja', coreTasks: true, concreteActions: true, canOnline: true, colleagueGoing: false, writtenEnough: false };
const vios: MdoAnswers = { involved: false, legalBasis: 'ja', coreTasks: true, concreteActions: true, canOnline: false, colleagueGoing: false, writtenEnough: false };
const onlineRow = row(involved, 'zvh-jeugdoverleg', normal);
const viosPaused = row(vios, 'vios', paused, { detail: 'Houten', organiser: 'Gemeente Houten' });
const unknownBasis = row({ ...vios, legalBasis: 'onbekend' }, 'rondetafel-po', normal, { organiser: 'Basisschool De Regenboog' });
const decidedOnline = { ...onlineRow, status: 'decided' as const, final_outcome: 'online' as const, reminder_at: new Date('2026-11-30T08:00:00Z'), decided_at: new Date('2026-11-24T08:05:00Z') };
const overridden = { ...viosPaused, status: 'decided' as const, final_outcome: 'schriftelijk' as const, overridden: true, override_reason: 'De gemeente vraagt om een korte schriftelijke stand van zaken.' };

/** Example cards with realistic (invented) data, for the card validity tests and screenshots. */
export const samples: Record<string, AdaptiveCard> = {
  'mdo-form': mdoFormCard({ types, values: { ...emptyMdoForm(), gemeente: 'Houten' }, problems: [], personalNote: false }),
  'mdo-form-error': mdoFormCard({
    types,
    values: { ...emptyMdoForm(), type: 'vios', date: '2026-12-01', time: '14:00', organiser: 'Gemeente Houten', involved: 'ja', legalBasis: 'ja' },
    problems: [
      { field: 'gemeente', text: 'Gemeente: vul de gemeente in' },
      { field: 'caseRefs', text: 'Casusnummer(s): vul het casusnummer uit Carel in van de jeugdige bij wie je actief betrokken bent' },
      { field: 'coreTasks', text: 'Bijdrage aan kerntaken: kies ja of nee' },
    ],
    personalNote: true,
  }),
  'mdo-advice-online': mdoAdviceCard(adviceCardData(onlineRow, office, zone)),
  'mdo-advice-ring-paused': mdoAdviceCard(adviceCardData(viosPaused, office, zone)),
  'mdo-advice-legal-check': mdoAdviceCard(adviceCardData(unknownBasis, office, zone, {
    problems: [{ field: 'reason', text: 'Reden: vul de reden in; dat is verplicht' }], overrideOpen: true, override: { outcome: 'online', reason: '' },
  })),
  'mdo-advice-changed': mdoAdviceCard(adviceCardData(viosPaused, office, zone, {
    notice: 'De status van kern en ringen is gewijzigd sinds het advies. Bekijk het bijgewerkte advies en besluit opnieuw.',
  })),
  'mdo-decided': mdoDecidedCard(decidedCardData(decidedOnline, office, zone, { name: 'Sanne Bakker' })),
  'mdo-decided-overridden': mdoDecidedCard(decidedCardData(overridden, office, zone, { name: 'Sanne Bakker' })),
  // Sanne is away: her stand-in opens her MDO and sends the organiser message for her.
  'mdo-decided-namens': mdoDecidedCard(decidedCardData(decidedOnline, office, zone, { name: 'Daan Jansen', onBehalfOf: 'Sanne Bakker' })),
  'mdo-overview-consulent': mdoOverviewCard(overviewCardData({ upcoming: [decidedOnline, { ...unknownBasis, id: 42 }] }, office, zone)),
  'mdo-overview-empty': mdoOverviewCard(overviewCardData({ upcoming: [] }, office, zone)),
  'mdo-overview-team': mdoOverviewCard(overviewCardData({ upcoming: [decidedOnline], team: {
    regioteams: ['noord'],
    from: new Date('2026-09-14T22:00:00Z'),
    to: new Date('2027-03-14T23:00:00Z'),
    summary: {
      total: 23,
      byType: { vios: 9, 'zvh-jeugdoverleg': 6, 'zat-vo': 5, thematisch: 3 },
      byCategory: { essentieel: 8, belangrijk: 10, 'laag-urgent': 5 },
      byOutcome: { online: 8, fysiek: 3, schriftelijk: 5, 'niet-deelnemen': 5, vertegenwoordigen: 2 },
      overridden: 2,
      hoursSaved: 27.5,
    },
  } }, office, zone)),
  'mdo-reminder': mdoReminderCard(reminderCardData(reminderSpec(decidedOnline).data, office, zone)),
  // Sanne is away: her reminder reached Daan, with the "namens" line on top as the sender draws it; its button opens her MDOs.
  'mdo-reminder-namens': withOnBehalfLine(mdoReminderCard(reminderCardData(reminderSpec(decidedOnline).data, office, zone, sannesAbsence)), sannesAbsence, { zone }),
  'mdo-overview-stood-in': mdoOverviewCard(stoodInOverviewCardData({ ownerName: 'Sanne Bakker', until: '2026-12-04', upcoming: [decidedOnline, { ...unknownBasis, id: 42 }] }, office, zone)),
  'mdo-overview-stood-in-empty': mdoOverviewCard(stoodInOverviewCardData({ ownerName: 'Sanne Bakker', until: null, upcoming: [] }, office, zone)),
};
